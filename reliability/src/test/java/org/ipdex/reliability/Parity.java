package org.ipdex.reliability;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether the search indices hold what PostgreSQL holds: the product's own parity check
 * ({@code GET /api/v1/admin/parity}, see {@link org.ipdex.stack.Parity}). Every fault test ends with it.
 */
final class Parity {

    private Parity() {
    }

    /**
     * Polls until there is no difference; fails with the last ones after {@code ipdex.faults.parity-bound} (10 min:
     * a bound to end a hopeless wait, not a target — on a loaded 2-core machine 300,000 records took 185 s to index).
     *
     * @return how long it took
     */
    static Duration awaitZero(Client admin) {
        Duration bound = Fixtures.setting("parity-bound", "10m");
        Instant start = Instant.now();
        org.ipdex.stack.Parity.Report last = org.ipdex.stack.Parity.await(admin.base(), admin.apiKey(), bound);
        if (!last.zero()) {
            throw new AssertionError("No parity within " + bound + ": " + last.describe());
        }
        return Duration.between(start, Instant.now());
    }
}
