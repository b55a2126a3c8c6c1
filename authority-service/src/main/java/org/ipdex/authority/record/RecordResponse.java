package org.ipdex.authority.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * One record of an office's active authority file.
 *
 * @param numberKey     the canonical number (office + digits), what every written form normalises to
 * @param docNumber     the number as the office's file wrote it
 * @param exceptionCode set when there is no document behind the number (withdrawn, not published …)
 * @param exceptionText the office's description of that code
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordResponse(String office, String numberKey, String kind, @Nullable LocalDate publicationDate,
                             @Nullable String exceptionCode, @Nullable String exceptionText, @Nullable String kindText,
                             String docNumber, long editionId) {
}
