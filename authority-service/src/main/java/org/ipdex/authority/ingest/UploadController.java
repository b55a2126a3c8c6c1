package org.ipdex.authority.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.authority.edition.EditionResponse;
import org.ipdex.authority.edition.Editions;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/** Uploads: the file is spooled (or fetched from its source URL) and read by an ingest job; the rest is the edition's. */
@Tag(name = "authority")
@Controller("/api/v1/authority")
@ExecuteOn(TaskExecutors.BLOCKING)
class UploadController {

    private final Editions editions;
    private final UploadSpool spool;
    private final SourceFetcher fetcher;
    private final SourceSchedule schedule;
    private final IngestService ingest;

    UploadController(Editions editions, UploadSpool spool, SourceFetcher fetcher, SourceSchedule schedule,
                     IngestService ingest) {
        this.editions = editions;
        this.spool = spool;
        this.fetcher = fetcher;
        this.schedule = schedule;
        this.ingest = ingest;
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
        String officeCode = Editions.officeCode(office);
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
        EditionResponse edition = editions.view(submission.editionId());
        HttpStatus status = switch (submission.outcome()) {
            case "accepted" -> HttpStatus.ACCEPTED;
            case "activated" -> HttpStatus.CREATED;
            default -> HttpStatus.OK;
        };
        return HttpResponse.<UploadResponse>status(status).body(new UploadResponse(submission.outcome(), edition))
                .headers(headers -> headers.location(URI.create("/api/v1/authority/editions/" + submission.editionId())));
    }
}
