package org.ipdex.authority.coverage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * @param expected        authority-file records in scope without an exception code
 * @param held            of those, matched by the collection
 * @param missing         expected minus held
 * @param extra           collection lines matching no record of the office's active file
 * @param exceptions      exception-coded records in scope (withdrawn, not published, missing at the office):
 *                        counted apart, never gaps
 * @param percentComplete held ÷ expected × 100, absent when nothing is expected
 */
@Serdeable
public record CoverageCounts(long expected, long held, long missing, long extra, long exceptions,
                             @Nullable Double percentComplete) {

    static CoverageCounts of(long expected, long missing, long extra, long exceptions) {
        long held = expected - missing;
        Double percent = expected == 0 ? null : Math.round(held * 10000.0 / expected) / 100.0;
        return new CoverageCounts(expected, held, missing, extra, exceptions, percent);
    }

    CoverageCounts plus(CoverageCounts other) {
        return of(expected + other.expected, missing + other.missing, extra + other.extra,
                exceptions + other.exceptions);
    }

    static CoverageCounts zero() {
        return of(0, 0, 0, 0);
    }
}
