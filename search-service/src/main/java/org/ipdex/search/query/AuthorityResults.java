package org.ipdex.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A page of authority records.
 *
 * @param statistics records per publication year and kind under the same query and filters; only on the first page
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorityResults(List<AuthorityHit> items, @Nullable String next,
                               @Nullable List<YearCount> statistics) {

    /** @param kinds the year's records per kind */
    @Serdeable
    public record YearCount(int year, long count, List<FacetCount> kinds) {
    }
}
