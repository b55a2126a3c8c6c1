package org.ipdex.catalog.probe;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record EndpointCheckResponse(long checkId, String url, String status, @Nullable Integer httpStatus,
                                    @Nullable Long latencyMs, @Nullable String error, Instant checkedAt) {

    static EndpointCheckResponse of(EndpointCheck check) {
        return new EndpointCheckResponse(check.id(), check.url(), check.status(), check.httpStatus(),
                check.latencyMs(), check.error(), check.checkedAt());
    }
}
