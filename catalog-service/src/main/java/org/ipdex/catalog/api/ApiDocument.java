package org.ipdex.catalog.api;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * What the change feed tells search-service about an API (event {@code api.upserted}): everything a developer
 * searches by, including each operation.
 */
@Serdeable
public record ApiDocument(String apiId, String officeCode, String title, String description, String lifecycle,
                          int versionNumber, String specVersion, String sourceFormat, Instant updatedAt,
                          List<OperationDocument> operations) {

    public static final String UPSERTED = "api.upserted";
}
