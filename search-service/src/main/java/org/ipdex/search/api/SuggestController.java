package org.ipdex.search.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.search.query.SuggestSearch;
import org.ipdex.search.query.Suggestion;

import java.util.List;
import java.util.Set;

@Tag(name = "search")
@Controller("/api/v1/suggest")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SuggestController {

    private final SuggestSearch suggestions;

    SuggestController(SuggestSearch suggestions) {
        this.suggestions = suggestions;
    }

    @Operation(summary = "Suggest API titles, offices and operations as the user types",
            description = "Matches the start of any word of a title, an office name or code, or an operation "
                    + "summary; one typo is forgiven from the fourth character on.")
    @Get
    List<Suggestion> suggest(HttpRequest<?> request,
                             @Parameter(description = "What has been typed so far") @Nullable @QueryValue String q,
                             @Parameter(description = "1 to 10; default 8") @Nullable @QueryValue Integer limit) {
        QueryParameters.check(request.getParameters(), Set.of("q", "limit"), Set.of());
        return suggestions.suggest(q, limit == null ? 8 : limit);
    }
}
