package org.ipdex.authority.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.ipdex.common.problem.ProblemError;

import java.util.List;
import java.util.Map;

/**
 * The validation report of one upload, kept with its edition ({@code GET /editions/{id}/report}).
 *
 * @param outcome         activated, rejected or failed
 * @param detail          why a file was rejected as a whole (structural error, error rate, strict mode)
 * @param errorCounts     record errors by type (bad-date, unknown-kind, duplicate …)
 * @param errors          the first record errors (or the structural error) with line numbers
 * @param definitionsFrom where the kind and exception codes used for validation came from: file, stored or none
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestReport(String outcome, @Nullable String detail, long recordsRead, long recordsAccepted,
                           long recordsRejected, Map<String, Long> errorCounts, List<ProblemError> errors,
                           @Nullable String definitionsFrom, @Nullable Long deletions,
                           @Nullable Long deletionsNotFound, List<String> notes) {
}
