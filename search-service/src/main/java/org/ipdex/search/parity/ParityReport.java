package org.ipdex.search.parity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The parity check's answer: how much was compared and every difference found (the first 1000 of them;
 * {@code differenceCount} counts all).
 *
 * @param apis       APIs in PostgreSQL
 * @param operations their operations in PostgreSQL
 * @param offices    offices with an active authority edition
 * @param records    records in those editions
 */
@Serdeable
@Schema(name = "ParityReport")
@JsonInclude(JsonInclude.Include.ALWAYS) // "differences": [] says "none" more plainly than a missing field
public record ParityReport(Instant checkedAt, long tookMillis, long apis, long operations, long offices,
                           long records, long differenceCount, List<Difference> differences) {
}
