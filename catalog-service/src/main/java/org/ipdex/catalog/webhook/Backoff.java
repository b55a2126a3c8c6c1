package org.ipdex.catalog.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with "equal jitter": after the n-th failed attempt the next waits between half and all of
 * {@code first × 2^(n-1)} (capped at {@code max}). The random half keeps receivers that came back from a shared
 * outage from being hit by every sender at the same instant; the fixed half keeps the delays growing.
 */
record Backoff(Duration first, Duration max) {

    Duration after(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), first.toMillis() << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
