package org.ipdex.gateway.account;

import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An IP office that may hold API keys. Never serialised to clients: see {@link OfficeResponse}.
 *
 * @param code    the WIPO ST.3 code, two uppercase letters (countries and organisations such as EP or WO)
 * @param country the country or intergovernmental organisation the office serves
 */
@MappedEntity("office")
public record Office(@Id String code, String name, String country, String contactEmail,
                     @DateCreated Instant createdAt) {
}
