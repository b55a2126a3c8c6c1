package org.ipdex.catalog.office;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The whole profile, as PUT replaces it.
 *
 * @param country      ST.3 code of the country or organisation the office belongs to (e.g. DE, or EP for the EPO)
 * @param organisation the intergovernmental organisation, for regional offices
 */
@Serdeable
public record OfficeRequest(@Nullable String name, @Nullable String country, @Nullable String organisation,
                            @Nullable String contactName, @Nullable String contactEmail, @Nullable String contactUrl,
                            @Nullable String website) {
}
