package org.ipdex.catalog.office;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An office's public profile in the catalogue. Never serialised to clients: see {@link OfficeResponse}. */
@MappedEntity("office")
public record Office(@Id String code, String name, @Nullable String country, @Nullable String organisation,
                     @Nullable String contactName, @Nullable String contactEmail, @Nullable String contactUrl,
                     @Nullable String website, String updatedBy, Instant updatedAt) {
}
