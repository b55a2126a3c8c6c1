package org.ipdex.gateway.account;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record OfficeResponse(String code, String name, String country, String contactEmail, Instant createdAt) {

    static OfficeResponse of(Office office) {
        return new OfficeResponse(office.code(), office.name(), office.country(), office.contactEmail(),
                office.createdAt());
    }
}
