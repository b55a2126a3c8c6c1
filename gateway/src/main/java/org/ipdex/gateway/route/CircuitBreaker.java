package org.ipdex.gateway.route;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal circuit breaker: after {@code threshold} consecutive transport failures (refused connection, timeout)
 * the backend is not called for {@code openFor}, so callers get a 503 at once instead of each waiting out the
 * timeout and piling up connections. The first request after the cool-down is the trial: one success closes the
 * circuit, one failure opens it again.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long openForNanos;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openUntil = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean opened;

    CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
    }

    /** Open: requests are refused until the cool-down ends. */
    public boolean isOpen() {
        return !allowsRequest();
    }

    boolean allowsRequest() {
        return !opened || System.nanoTime() - openUntil.get() >= 0;
    }

    /** Seconds until the next trial request, for the {@code Retry-After} header. */
    long secondsUntilTrial() {
        return Math.max(1, Duration.ofNanos(openUntil.get() - System.nanoTime()).toSeconds() + 1);
    }

    void recordSuccess() {
        failures.set(0);
        opened = false;
    }

    void recordFailure() {
        // once opened, a failed trial re-opens at once rather than after another full run of failures
        if (failures.incrementAndGet() >= threshold || opened) {
            openUntil.set(System.nanoTime() + openForNanos);
            opened = true;
        }
    }
}
