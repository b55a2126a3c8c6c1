package org.ipdex.authority.record;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.number.PublicationNumber;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Tag(name = "authority")
@Controller("/api/v1/authority")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class RecordController {

    private static final int MAX_LIMIT = 1000;
    private static final MediaType NDJSON = MediaType.of("application/x-ndjson");

    private final RecordQueries queries;

    RecordController(RecordQueries queries) {
        this.queries = queries;
    }

    @Operation(operationId = "getDocument", summary = "Look up a document by its number, written any common way",
            description = "`EP 1 000 000 B1`, `EP1000000B1`, `EP1000000`, `US 2005/0123456 A1`, `US20050123456A1`: "
                    + "without a kind, every kind of the number is returned.")
    @Get("/documents/{+number}")
    DocumentResponse document(@PathVariable String number) {
        PublicationNumber parsed = PublicationNumber.parse(number).orElseThrow(() ->
                InvalidInputException.parameter("number", "not a publication number: " + number));
        List<RecordResponse> records = queries.lookUp(parsed.numberKey(), parsed.kind());
        if (records.isEmpty()) {
            throw new NotFoundException("No " + parsed.key() + " in the active authority files");
        }
        return new DocumentResponse(number, parsed.numberKey(), records);
    }

    @Operation(operationId = "listRecords", summary = "List or export records of the active authority files",
            description = "Filters: office, kind, fromYear/toYear (publication year), exceptionCode. `format=json` "
                    + "(default) pages with `cursor`/`next`; `format=csv` or `format=ndjson` streams the whole "
                    + "filtered set.")
    @Get("/records")
    HttpResponse<?> records(@Nullable @QueryValue String office, @Nullable @QueryValue String kind,
                            @Nullable @QueryValue Integer fromYear, @Nullable @QueryValue Integer toYear,
                            @Nullable @QueryValue String exceptionCode, @Nullable @QueryValue String cursor,
                            @QueryValue(defaultValue = "100") int limit,
                            @QueryValue(defaultValue = "json") String format) throws SQLException {
        RecordFilter filter = new RecordFilter(office, kind, fromYear, toYear, exceptionCode);
        return switch (format) {
            case "json" -> {
                if (limit < 1 || limit > MAX_LIMIT) {
                    throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
                }
                yield HttpResponse.ok(queries.page(filter, cursor, limit));
            }
            case "csv" -> download(new StreamedFile(queries.export(filter, true), MediaType.of("text/csv")), "records.csv");
            case "ndjson" -> download(new StreamedFile(queries.export(filter, false), NDJSON), "records.ndjson");
            default -> throw InvalidInputException.parameter("format", "json, csv or ndjson");
        };
    }

    @Operation(operationId = "getStatistics",
            summary = "Records per publication year and kind in the active authority files")
    @Get("/statistics")
    StatisticsResponse statistics(@Nullable @QueryValue String office) {
        return queries.statistics(Optional.ofNullable(office).map(code -> code.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    private static HttpResponse<StreamedFile> download(StreamedFile file, String name) {
        return HttpResponse.ok(file).header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
