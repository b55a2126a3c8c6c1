package org.ipdex.catalog.api;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A registered API; its specs are its {@link ApiVersion}s. Never serialised to clients: see {@link ApiResponse}. */
@MappedEntity("api")
public record Api(@Id String id, String officeCode, String title, String description, String lifecycle,
                  int latestVersion, Instant createdAt, Instant updatedAt) {
}
