package org.ipdex.catalog.api;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record ApiResponse(String apiId, String officeCode, String title, String description, String lifecycle,
                          int latestVersion, Instant createdAt, Instant updatedAt) {

    static ApiResponse of(Api api) {
        return new ApiResponse(api.id(), api.officeCode(), api.title(), api.description(), api.lifecycle(),
                api.latestVersion(), api.createdAt(), api.updatedAt());
    }
}
