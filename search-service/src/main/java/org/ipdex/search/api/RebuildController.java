package org.ipdex.search.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.NotFoundException;
import org.ipdex.search.rebuild.RebuildStatus;
import org.ipdex.search.rebuild.Rebuilds;

import java.net.URI;

@Tag(name = "admin")
@Controller("/api/v1/search/rebuilds")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(operationId = "startRebuild",
            summary = "Rebuild the search indices from the change feeds, without downtime",
            description = "Starts a job and answers at once; searches keep answering from the current indices "
                    + "until the new ones have caught up and the aliases move. 409 while one is running.")
    @Post
    HttpResponse<RebuildStatus> start() {
        RebuildStatus status = rebuilds.start("requested");
        return HttpResponse.accepted(URI.create("/api/v1/search/rebuilds/" + status.rebuildId())).body(status);
    }

    @Operation(operationId = "getRebuild", summary = "Progress of a rebuild")
    @Get("/{rebuildId}")
    RebuildStatus status(@PathVariable String rebuildId) {
        return rebuilds.status(rebuildId)
                .orElseThrow(() -> new NotFoundException("No rebuild " + rebuildId + " (only the last 20 are kept)"));
    }
}
