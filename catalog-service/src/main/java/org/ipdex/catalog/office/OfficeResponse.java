package org.ipdex.catalog.office;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record OfficeResponse(String code, String name, @Nullable String country, @Nullable String organisation,
                             @Nullable String contactName, @Nullable String contactEmail, @Nullable String contactUrl,
                             @Nullable String website, long apiCount, Instant updatedAt) {

    static OfficeResponse of(Office office, long apiCount) {
        return new OfficeResponse(office.code(), office.name(), office.country(), office.organisation(),
                office.contactName(), office.contactEmail(), office.contactUrl(), office.website(), apiCount,
                office.updatedAt());
    }
}
