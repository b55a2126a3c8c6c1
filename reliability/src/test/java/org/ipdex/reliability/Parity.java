package org.ipdex.reliability;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the search indices hold what PostgreSQL holds: the product's own parity check
 * ({@code GET /api/v1/admin/parity}, see {@link org.ipdex.stack.Parity}). Every fault test ends with it:
 * {@link #awaitZero} polls until it finds nothing.
 */
final class Parity {

    private Parity() {
    }

    /** Everything in which search differs from the databases; empty at parity. */
    static List<String> differences(Client admin) {
        org.ipdex.stack.Parity.Report report = org.ipdex.stack.Parity.check(admin.base(), admin.apiKey());
        List<String> differences = new ArrayList<>();
        report.differences().forEach(d -> differences.add(d.kind() + " " + d.resource() + " " + d.id()
                + " (database " + d.database() + ", index " + d.index() + ")"));
        if (report.differenceCount() > differences.size()) {
            differences.add("… and " + (report.differenceCount() - differences.size()) + " more");
        }
        return differences;
    }

    /**
     * Polls until there is no difference; fails with the last ones after {@code ipdex.faults.parity-bound} (10 min:
     * a bound to end a hopeless wait, not a target — on a loaded 2-core machine 300,000 records took 185 s to index).
     *
     * @return how long it took
     */
    static Duration awaitZero(Client admin) throws InterruptedException {
        Duration bound = Fixtures.setting("parity-bound", "10m");
        Instant start = Instant.now();
        List<String> last = List.of();
        while (Duration.between(start, Instant.now()).compareTo(bound) < 0) {
            try {
                last = differences(admin);
                if (last.isEmpty()) {
                    return Duration.between(start, Instant.now());
                }
            } catch (UncheckedIOException unanswered) {
                // 503 while Elasticsearch or a service is still away: not yet
                last = List.of(unanswered.getMessage());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No parity within " + bound + ": " + last.size() + " difference(s), the first "
                + last.subList(0, Math.min(10, last.size())));
    }
}
