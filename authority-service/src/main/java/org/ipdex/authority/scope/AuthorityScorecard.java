package org.ipdex.authority.scope;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The authority file's half of an office's scorecard: how its active file stands against the current PCT minimum
 * documentation scope now, and how each file it activated stood on the day it was activated.
 *
 * @param coverageStatus {@code covered} (every scope year has records of a scope kind and every kind was seen),
 *                       {@code gaps}, {@code noAuthorityFile} or {@code notInScope}
 * @param current        the same view as {@code GET /api/v1/authority/scope/status} gives for this office
 * @param history        every activated edition, oldest first (the last 100)
 */
@Serdeable
public record AuthorityScorecard(String office, LocalDate asOf, @Nullable Integer scopeVersion, boolean inScope,
                                 String coverageStatus, OfficeStatus current, @Nullable Instant activatedAt,
                                 List<EditionPoint> history) {

    /**
     * @param ageDaysAtActivation days between the file's produced date and its activation; null without a date
     * @param gapYears            scope years without a record of a scope kind, counted from the edition's statistics
     */
    @Serdeable
    public record EditionPoint(long editionId, Instant activatedAt, @Nullable LocalDate producedOn, long records,
                               @Nullable Long ageDaysAtActivation, int gapYears, int kindsNeverSeen,
                               String coverageStatus) {
    }
}
