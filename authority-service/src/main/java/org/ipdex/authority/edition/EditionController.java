package org.ipdex.authority.edition;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.InvalidInputException;


@Tag(name = "authority")
@Controller("/api/v1/authority")
@ExecuteOn(TaskExecutors.BLOCKING)
class EditionController {

    private static final int MAX_LIMIT = 200;

    private final EditionViews views;
    private final EditionDiff diff;

    EditionController(EditionViews views, EditionDiff diff) {
        this.diff = diff;
        this.views = views;
    }

    @Operation(operationId = "listEditions",
            summary = "List an office's editions", description = "Newest first; pass `next` as `cursor` for more.")
    @Get("/offices/{office}/editions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Page<EditionResponse> list(@PathVariable String office, @Nullable @QueryValue String cursor,
                               @QueryValue(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return views.list(Editions.officeCode(office), cursor, limit);
    }

    @Operation(operationId = "getEdition",
            summary = "Get an edition", description = "While the file is read, `progress` shows rows done and rate.")
    @Get("/editions/{editionId}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    EditionResponse get(@PathVariable long editionId) {
        return views.get(editionId);
    }

    @Operation(operationId = "getEditionReport", summary = "The validation report of an edition",
            description = "Structural errors, or record errors by type with the first ones and their line numbers.")
    @Get("/editions/{editionId}/report")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<String> report(@PathVariable long editionId) {
        return HttpResponse.ok(views.report(editionId)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Operation(operationId = "getEditionDiff", summary = "What changed between two editions of an office",
            description = "Counts of added, removed and changed records, per publication year and kind. With "
                    + "`format=csv` the changes themselves (optionally only one `change`: added, removed, changed).")
    @Get("/editions/{editionId}/diff")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> diff(@PathVariable long editionId, @QueryValue long against,
                         @QueryValue(defaultValue = "json") String format, @Nullable @QueryValue String change)
            throws java.sql.SQLException {
        return switch (format) {
            case "json" -> HttpResponse.ok(diff.counts(editionId, against));
            case "csv" -> HttpResponse.ok(new io.micronaut.http.server.types.files.StreamedFile(
                    diff.list(editionId, against, change), MediaType.of("text/csv")))
                    .header("Content-Disposition", "attachment; filename=\"diff-" + against + "-" + editionId + ".csv\"");
            default -> throw InvalidInputException.parameter("format", "json or csv");
        };
    }
}
