package org.ipdex.search.query;

import io.micronaut.serde.annotation.Serdeable;

/** How many hits a facet value would have under the other facets' filters. */
@Serdeable
public record FacetCount(String value, long count) {
}
