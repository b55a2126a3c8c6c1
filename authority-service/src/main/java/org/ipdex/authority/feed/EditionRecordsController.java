package org.ipdex.authority.feed;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import org.ipdex.authority.edition.Edition;
import org.ipdex.authority.edition.Editions;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.ConflictException;

import java.sql.SQLException;

/**
 * The records of one edition for search-service, which reads them after an {@code edition.activated} event into a
 * fresh index: NDJSON, one record a line, from the edition's own table through a server-side cursor, so a
 * ten-million-record edition streams in constant memory. Superseded editions can be read while their table is
 * kept (the newest {@code ipdex.ingest.keep-editions} per office).
 */
@Hidden
@Controller("/internal/v1/editions")
@Secured(Roles.SERVICE)
@ExecuteOn(TaskExecutors.BLOCKING)
class EditionRecordsController {

    private final Editions editions;
    private final EditionRecords records;

    EditionRecordsController(Editions editions, EditionRecords records) {
        this.editions = editions;
        this.records = records;
    }

    @Get(value = "/{editionId}/records", produces = ChangeEvent.MEDIA_TYPE)
    HttpResponse<StreamedFile> records(@PathVariable long editionId) throws SQLException {
        Edition edition = editions.edition(editionId);
        if (!edition.hasRecords()) {
            throw new ConflictException("Edition " + editionId + " has no records to stream (" + edition.status()
                    + (edition.recordsKept() ? "" : ", records dropped") + ")");
        }
        return HttpResponse.ok(new StreamedFile(records.stream(editionId), MediaType.of(ChangeEvent.MEDIA_TYPE)))
                .header("X-Record-Count", Long.toString(edition.setSize().orElse(0L)));
    }
}
