package org.ipdex.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, shaped like {@link org.ipdex.common.page.Page} plus the facet counts.
 *
 * @param next   pass as {@code cursor} for the next page; absent on the last page
 * @param facets per facet parameter, its values with counts under the other facets' filters (each facet counts
 *               as if its own filter were not set, so a user can widen a choice); only on the first page
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResults<T>(List<T> items, @Nullable String next, @Nullable Map<String, List<FacetCount>> facets) {
}
