package org.ipdex.authority.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.Map;

/** Counts and coverage of an edition's complete set: what the WIPO portal's "coverage" column only hints at. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EditionSummary(long records, Map<String, Long> byKind, Map<String, Long> byExceptionCode,
                             @Nullable LocalDate firstPublication, @Nullable LocalDate lastPublication,
                             @Nullable String lowestNumber, @Nullable String highestNumber) {
}
