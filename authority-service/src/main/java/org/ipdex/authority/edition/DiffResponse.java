package org.ipdex.authority.edition;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What changed from edition {@code against} to edition {@code editionId}: numbers added, removed, and changed
 * (same number and kind with another date or exception code; or a number whose only kind was replaced by another).
 *
 * @param byYearAndKind the same counts per publication year (0: no date) and kind
 */
@Serdeable
public record DiffResponse(long editionId, long against, long added, long removed, long changed,
                           List<Cell> byYearAndKind) {

    @Serdeable
    public record Cell(int year, String kind, long added, long removed, long changed) {
    }
}
