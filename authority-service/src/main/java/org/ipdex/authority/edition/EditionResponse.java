package org.ipdex.authority.edition;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An edition as the API shows it.
 *
 * @param recordsAccepted entries of the file that passed validation
 * @param setSize         records in the complete set the edition produced (base + changes for updates)
 * @param summary         counts by kind and exception code, date and number coverage
 * @param progress        while the file is being read
 * @param recordsKept     false once the record set was dropped (only the newest editions are kept for diffs)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EditionResponse(long editionId, String office, String status, String category, String layout,
                              @Nullable LocalDate producedOn, String checksum, @Nullable Long baseEditionId,
                              long recordsAccepted, long recordsRejected, @Nullable Long setSize,
                              @Nullable JsonNode summary, Instant createdAt, @Nullable Instant activatedAt,
                              @Nullable Instant finishedAt, @Nullable String sourceUrl, @Nullable String fileName,
                              @Nullable Long bytes, boolean recordsKept, @Nullable IngestProgress.Snapshot progress) {

    static EditionResponse of(Edition edition, @Nullable JsonNode summary, @Nullable IngestProgress.Snapshot progress) {
        return new EditionResponse(edition.id(), edition.office(), edition.status(), edition.category(),
                edition.layout(), edition.producedOn().orElse(null), edition.checksum(),
                edition.baseEditionId().orElse(null), edition.recordsTotal(), edition.recordsRejected(),
                edition.setSize().orElse(null), summary, edition.createdAt(), edition.activatedAt().orElse(null),
                edition.finishedAt().orElse(null), edition.sourceUrl().orElse(null), edition.fileName().orElse(null),
                edition.bytes().orElse(null), edition.recordsKept(), progress);
    }
}
