package org.ipdex.catalog.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(6));

    @Test
    void eachDelayLiesBetweenHalfAndAllOfTheDoubledOne() {
        for (int failed = 1; failed <= 8; failed++) {
            long ceiling = 30_000L << (failed - 1);
            for (int i = 0; i < 200; i++) {
                long delay = backoff.after(failed).toMillis();
                assertTrue(delay >= ceiling / 2 && delay <= ceiling, failed + " failures: " + delay);
            }
        }
    }

    @Test
    void theDelayIsCappedAndStillJittered() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            long delay = backoff.after(40).toMillis();
            assertTrue(delay >= Duration.ofHours(3).toMillis() && delay <= Duration.ofHours(6).toMillis(), "" + delay);
            seen.add(delay);
        }
        assertTrue(seen.size() > 1, "receivers back from one outage are not all retried at the same instant");
    }
}
