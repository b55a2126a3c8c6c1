package org.ipdex.authority.edition;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.authority.ingest.ColumnMapping;
import org.ipdex.authority.ingest.IngestRequest;
import org.ipdex.authority.ingest.IngestService;
import org.ipdex.authority.ingest.SourceFetcher;
import org.ipdex.authority.ingest.SourceSchedule;
import org.ipdex.authority.ingest.SpooledFile;
import org.ipdex.authority.ingest.UpdateCategory;
import org.ipdex.authority.ingest.UploadSpool;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

@Tag(name = "authority")
@Controller("/api/v1/authority")
@ExecuteOn(TaskExecutors.BLOCKING)
class EditionController {

    private static final int MAX_LIMIT = 200;

    private final EditionViews views;
    private final UploadSpool spool;
    private final SourceFetcher fetcher;
    private final SourceSchedule schedule;
    private final IngestService ingest;
    private final EditionDiff diff;

    EditionController(EditionViews views, UploadSpool spool, SourceFetcher fetcher, SourceSchedule schedule,
                      IngestService ingest, EditionDiff diff) {
        this.diff = diff;
        this.views = views;
        this.spool = spool;
        this.fetcher = fetcher;
        this.schedule = schedule;
        this.ingest = ingest;
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
        return views.list(officeCode(office), cursor, limit);
    }

    @Operation(operationId = "uploadEdition", summary = "Upload an authority file",
            description = "The body is the file itself (plain, gzip or zip), streamed: its size is not limited by "
                    + "request buffering. Or give `sourceUrl` and an empty body: the file is fetched now and again "
                    + "every day. Layouts: st37-xml, epo-csv, uspto-tsv, delimited (with `mapping`, `delimiter`, "
                    + "`header`). Answers 202 while the file is read (poll the edition), or with `wait=true` the outcome.")
    @Post(value = "/offices/{office}/editions", consumes = MediaType.ALL)
    @Secured({Roles.OFFICE, Roles.ADMIN})
    HttpResponse<UploadResponse> upload(@PathVariable String office,
                                        @AuthorityFileBody @Nullable @Body InputStream body,
                                        @QueryValue(defaultValue = "st37-xml") String layout,
                                        @Nullable @QueryValue String category,
                                        @QueryValue(defaultValue = "false") boolean strict,
                                        @Nullable @QueryValue String mapping, @Nullable @QueryValue String delimiter,
                                        @Nullable @QueryValue String header, @Nullable @QueryValue String sourceUrl,
                                        @Nullable @QueryValue String fileName,
                                        @QueryValue(defaultValue = "false") boolean wait,
                                        Authentication authentication) throws IOException {
        String officeCode = officeCode(office);
        Identity identity = Identity.of(authentication);
        identity.requireOffice(officeCode);
        Optional<UpdateCategory> updateCategory = Optional.ofNullable(category).map(text -> UpdateCategory.of(text)
                .orElseThrow(() -> InvalidInputException.parameter("category", "full, incremental or differential")));
        Optional<ColumnMapping> columns = layout.equals("delimited")
                ? Optional.of(ColumnMapping.parse(mapping, delimiter, header)) : Optional.empty();
        IngestRequest request = new IngestRequest(officeCode, layout, updateCategory, strict, columns, identity,
                Optional.ofNullable(fileName), Optional.ofNullable(sourceUrl));
        SpooledFile file;
        if (sourceUrl != null) {
            if (body != null) {
                body.close();
            }
            file = fetcher.fetch(sourceUrl);
            schedule.remember(request, mapping, delimiter, header);
        } else {
            // no body at all is an empty file: the reader says so in the same words as for any empty file
            file = spool.receive(body == null ? InputStream.nullInputStream() : body);
        }
        IngestService.Submission submission = ingest.submit(request, file, wait);
        EditionResponse edition = views.get(submission.editionId());
        HttpStatus status = switch (submission.outcome()) {
            case "accepted" -> HttpStatus.ACCEPTED;
            case "activated" -> HttpStatus.CREATED;
            default -> HttpStatus.OK;
        };
        return HttpResponse.<UploadResponse>status(status).body(new UploadResponse(submission.outcome(), edition))
                .headers(headers -> headers.location(URI.create("/api/v1/authority/editions/" + submission.editionId())));
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

    static String officeCode(String office) {
        String code = office.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw InvalidInputException.parameter("office", "must be a two-letter ST.3 code");
        }
        return code;
    }
}
