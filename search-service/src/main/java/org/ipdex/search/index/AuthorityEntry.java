package org.ipdex.search.index;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record of an authority edition in its index.
 *
 * @param numberKey office and canonical number without kind ({@code EP1000000}), what a look-up without a kind
 *                  code matches
 * @param key       {@code numberKey} with the kind ({@code EP1000000B1})
 * @param year      of the publication date, for the year filter and the year × kind statistics
 * @param docNumber the number as the authority file wrote it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorityEntry(String office, String numberKey, String key, String kind, String publicationDate,
                             Short year, String exceptionCode, String docNumber) {
}
