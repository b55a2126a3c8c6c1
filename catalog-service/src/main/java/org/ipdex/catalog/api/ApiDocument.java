package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * What the change feed tells search-service about an API (event {@code api.upserted}): everything a developer
 * searches or filters by, including each operation. Every event carries the whole document; the event's version
 * is the API's revision, so the newest document wins.
 *
 * @param breakingChange the latest version has breaking changes and the API was in production when it arrived
 * @param endpointStatus UP, DEGRADED (some servers down), DOWN or UNKNOWN (not probed yet)
 */
@Serdeable
public record ApiDocument(String apiId, String officeCode, @Nullable String officeName, String title, @Nullable String description,
                          String lifecycle, int versionNumber, @Nullable String specVersion, String sourceFormat,
                          Instant updatedAt, List<OperationDocument> operations,
                          List<String> ipDomains, List<String> serviceTypes, List<String> contentTypes,
                          List<String> languages, @Nullable String accessModel, List<String> authentication,
                          @Nullable String sunsetDate, @Nullable String productPageUrl, @Nullable String specSourceUrl,
                          @Nullable String st90Level, @Nullable Integer st90Score, @Nullable String diffVerdict,
                          boolean breakingChange, String endpointStatus) {

    public static final String UPSERTED = "api.upserted";
}
