package org.ipdex.catalog.diff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.catalog.lint.StoredSpecs;
import org.ipdex.common.problem.InvalidInputException;

/** The change log between two stored versions of an API. */
@Tag(name = "diff")
@Controller("/api/v1/catalog/apis/{apiId}/diff")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class DiffController {

    static final String MARKDOWN = "text/markdown";

    private final Differ differ;
    private final StoredSpecs stored;

    DiffController(Differ differ, StoredSpecs stored) {
        this.differ = differ;
        this.stored = stored;
    }

    @Operation(operationId = "getVersionDiff", summary = "What changed between two versions",
            description = "JSON by default; a Markdown or HTML change log with `Accept: text/markdown` or "
                    + "`text/html`, or with `format=markdown|html`.")
    // each form documented with its own schema: a generated client then reads the JSON one typed (client/ asks for
    // it with format=json, since it lists every form the operation produces in its Accept header)
    @ApiResponse(responseCode = "200", description = "The changes, each classified", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiffReport.class)),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "Bad version numbers or format")
    @ApiResponse(responseCode = "404", description = "No such API or version")
    @Get(produces = {MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_HTML})
    HttpResponse<?> diff(@PathVariable String apiId, @QueryValue("from") int fromVersion,
                         @QueryValue("to") int toVersion, @Nullable @QueryValue String format,
                         @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        DiffReport report = differ.diff(stored.load(apiId, fromVersion).spec(), stored.load(apiId, toVersion).spec());
        String title = apiId + ": version " + fromVersion + " → " + toVersion;
        String wanted = format != null ? format : accept == null ? "json"
                : accept.contains(MARKDOWN) ? "markdown" : accept.contains(MediaType.TEXT_HTML) ? "html" : "json";
        return switch (wanted) {
            case "json" -> HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
            case "markdown" -> HttpResponse.ok(ChangeLog.markdown(title, report)).contentType(MARKDOWN + ";charset=utf-8");
            case "html" -> HttpResponse.ok(ChangeLog.html(title, report)).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
            default -> throw InvalidInputException.parameter("format", "one of json, markdown, html");
        };
    }
}
