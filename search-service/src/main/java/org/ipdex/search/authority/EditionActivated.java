package org.ipdex.search.authority;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The payload of {@code edition.activated} on authority-service's feed: edition {@code editionId} is now office
 * {@code office}'s active record set (whatever its category: an incremental edition's record set is already the
 * previous set with the changes applied).
 */
@Serdeable
public record EditionActivated(long editionId, String office, @Nullable String category,
                               @Nullable Long recordCount, @Nullable String producedOn) {

    public static final String TYPE = "edition.activated";
}
