package org.ipdex.authority.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * The change-feed event that tells search-service an office's active set changed: it then streams the records
 * of {@code editionId} from {@code GET /internal/v1/editions/{editionId}/records} into a fresh index and swaps the
 * alias. Key: the office; version: the edition id (rising), so a replayed event changes nothing.
 *
 * @param recordCount records in the edition's complete set (for an update: the base plus the changes)
 */
@Serdeable
public record EditionActivated(long editionId, String office, String category, long recordCount,
                               @Nullable LocalDate producedOn) {

    public static final String TYPE = "edition.activated";
}
