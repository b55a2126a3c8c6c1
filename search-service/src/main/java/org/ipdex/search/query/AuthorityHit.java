package org.ipdex.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One record of an office's current authority edition.
 *
 * @param numberKey the canonical number without kind, e.g. {@code EP1000000}
 * @param key       with the kind, e.g. {@code EP1000000B1}
 * @param docNumber the number as the authority file wrote it
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorityHit(String office, String numberKey, String key, @Nullable String kind,
                           @Nullable String publicationDate, @Nullable String exceptionCode,
                           @Nullable String docNumber) {
}
