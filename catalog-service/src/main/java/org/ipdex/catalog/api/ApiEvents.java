package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Feed events that say what happened to an API, beside {@code api.upserted}, which only carries the API as it is
 * now: from that a consumer cannot tell a new version from a metadata edit, nor an endpoint going down from a
 * probe that changed nothing. Webhooks need the difference; search-service ignores these types.
 */
public final class ApiEvents {

    public static final String VERSION_PUBLISHED = "api.version.published";
    public static final String ENDPOINT_CHANGED = "api.endpoint.changed";

    /** @param breakingChange breaking against the previous version of an API in production (see the diff) */
    @Serdeable
    public record VersionPublished(String apiId, String office, String title, String lifecycle, int version,
                                   @Nullable String specVersion, @Nullable String diffVerdict, boolean breakingChange,
                                   @Nullable Integer st90Score, @Nullable String st90Level) {
    }

    /** @param status UP, DEGRADED, DOWN or UNKNOWN, after the probe round that changed it */
    @Serdeable
    public record EndpointChanged(String apiId, String office, String title, String previousStatus, String status) {
    }

    private ApiEvents() {
    }
}
