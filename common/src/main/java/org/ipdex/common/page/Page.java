package org.ipdex.common.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One page of a listing. Listings page with opaque cursors (keyset in SQL, {@code search_after} in
 * Elasticsearch), never with offsets.
 *
 * @param next pass as {@code cursor} for the next page; absent on the last page
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, @Nullable String next) {
}
