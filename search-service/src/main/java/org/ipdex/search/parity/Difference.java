package org.ipdex.search.parity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One way an index disagrees with PostgreSQL.
 *
 * @param kind     {@code missingInIndex}, {@code staleVersion}, {@code extraInIndex}, {@code countMismatch} or
 *                 {@code checksumMismatch}
 * @param resource {@code api}, {@code operations} (an API's operation documents) or {@code authority} (an
 *                 office's active edition)
 * @param id       the API id or the office code
 * @param database what PostgreSQL holds; absent for {@code extraInIndex}
 * @param index    what the index holds; absent for {@code missingInIndex}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ParityDifference")
public record Difference(String kind, String resource, String id, @Nullable String database,
                         @Nullable String index) {

    static final String MISSING = "missingInIndex";
    static final String STALE = "staleVersion";
    static final String EXTRA = "extraInIndex";
    static final String COUNT = "countMismatch";
    static final String CHECKSUM = "checksumMismatch";

    static final String API = "api";
    static final String OPERATIONS = "operations";
    static final String AUTHORITY = "authority";
}
