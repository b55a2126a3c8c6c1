package org.ipdex.search.authority;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One line of {@code GET /internal/v1/editions/{id}/records} (NDJSON). */
@JsonIgnoreProperties(ignoreUnknown = true)
record EditionRecord(String office, String numberKey, String kind, String publicationDate, String exceptionCode,
                     String docNumber) {
}
