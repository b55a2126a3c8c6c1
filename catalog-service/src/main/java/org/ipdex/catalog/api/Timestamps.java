package org.ipdex.catalog.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time an API changed, as PostgreSQL will keep it: to the microsecond. {@code Instant.now()} has nanoseconds,
 * which the {@code timestamptz} column rounds away while the feed document written in the same transaction keeps
 * them, so search showed {@code …37.193127431Z} where the catalogue said {@code …37.193127Z}
 * (reliability/…/Parity found it).
 */
final class Timestamps {

    private Timestamps() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
