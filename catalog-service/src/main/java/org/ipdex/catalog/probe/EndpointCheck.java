package org.ipdex.catalog.probe;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One probe of one server URL.
 *
 * @param status UP (it answered, below 500 — or 2xx/3xx on a declared health path), DOWN (5xx, no answer, timeout)
 *               or REFUSED (not probed: the address is not public and not allow-listed)
 */
@MappedEntity("endpoint_check")
public record EndpointCheck(@Id @GeneratedValue @Nullable Long id, String apiId, String url, String status,
                            @Nullable Integer httpStatus, @Nullable Long latencyMs, @Nullable String error,
                            Instant checkedAt) {
}
