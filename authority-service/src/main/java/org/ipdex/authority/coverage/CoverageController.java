package org.ipdex.authority.coverage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.problem.InvalidInputException;

import java.io.InputStream;
import java.net.URI;

@Tag(name = "coverage")
@Controller("/api/v1/authority/coverageChecks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class CoverageController {

    static final String CSV = "text/csv";
    private static final int MAX_NAME = 200;

    private final CheckScopeResolver scopes;
    private final CoverageJobs jobs;
    private final CoverageChecks checks;

    CoverageController(CheckScopeResolver scopes, CoverageJobs jobs, CoverageChecks checks) {
        this.scopes = scopes;
        this.jobs = jobs;
        this.checks = checks;
    }

    @Operation(operationId = "createCoverageCheck", summary = "Check a collection against authority files",
            description = """
                    The body is the examiner's collection list: one publication number per line in any common \
                    spelling (`EP 1 000 000 B1`, `EP1000000`, `US 2005/0123456 A1` …), or a delimited file with \
                    `column` naming the field (1-based number or header name); plain or gzip (detected by its first \
                    bytes). Give `offices=EP,US` (every kind and year of their active files) or `scope=pct` (the \
                    current PCT minimum documentation scope). Answers 202 with the check; follow `Location`. \
                    Matching: an entry with a kind matches that number and kind; an entry without a kind matches \
                    every kind of that number. Exception-coded records are counted apart and never missing. \
                    Checks with the same `name` and scope are compared: the report says what changed.""")
    @Post(consumes = {CSV, MediaType.TEXT_PLAIN, "application/gzip", "application/x-gzip",
            MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<CoverageCheckResponse> create(@CollectionBody @Body InputStream body, @Nullable @QueryValue String offices,
                                               @Nullable @QueryValue String scope, @Nullable @QueryValue String name,
                                               @Nullable @QueryValue String column, Authentication authentication) {
        if (name != null && (name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl))) {
            throw InvalidInputException.parameter("name", "1 to " + MAX_NAME + " printable characters");
        }
        CheckScope checkScope = scopes.resolve(offices, scope);
        String checkId = jobs.submit(new CheckRequest(checkScope, name == null ? null : name.strip(), column,
                Identity.of(authentication).subject()), body);
        return HttpResponse.accepted(URI.create(UploadSizeLimit.PATH + "/" + checkId)).body(checks.get(checkId));
    }

    @Operation(operationId = "getCoverageCheck",
            summary = "A coverage check: status, progress and, when done, its report")
    @Get("/{checkId}")
    CoverageCheckResponse get(@PathVariable String checkId) {
        return checks.get(checkId);
    }

    @Operation(operationId = "getCoverageCheckChanges",
            summary = "What changed since the previous check of the same named collection and scope")
    @Get("/{checkId}/changes")
    CoverageReport.Changes changes(@PathVariable String checkId) {
        return checks.changes(checkId);
    }

    @Operation(operationId = "getCoverageCheckMissing",
            summary = "The records the collection lacks (CSV: office, number, kind, publicationDate)")
    @Get(value = "/{checkId}/missing", produces = CSV)
    StreamedFile missing(@PathVariable String checkId) {
        return new StreamedFile(checks.missing(checkId), MediaType.of(CSV)).attach(checkId + "-missing.csv");
    }

    @Operation(operationId = "getCoverageCheckExtra",
            summary = "The collection's lines matching no authority record (CSV: office, number, kind, "
            + "publicationDate, line)")
    @Get(value = "/{checkId}/extra", produces = CSV)
    StreamedFile extra(@PathVariable String checkId) {
        return new StreamedFile(checks.extra(checkId), MediaType.of(CSV)).attach(checkId + "-extra.csv");
    }
}
