package org.ipdex.search.query;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.UnavailableException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the searches in flight to Elasticsearch. Without it, a cluster slower than the arrival rate makes every
 * request park a blocking thread on the REST client's small connection pool, threads pile up by the thousand and
 * nothing answers any more; with it, the excess waits a moment and then gets a 503 with Retry-After semantics.
 */
@Singleton
final class SearchLimiter {

    private final Semaphore permits;
    private final long waitNanos;

    SearchLimiter(@Value("${ipdex.search.max-concurrent:24}") int maxConcurrent,
                  @Value("${ipdex.search.max-wait:2s}") Duration maxWait) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.waitNanos = maxWait.toNanos();
    }

    <T> T call(java.util.function.Supplier<T> search) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Search is busy; retry shortly");
        }
        if (!acquired) {
            throw new UnavailableException("Search is busy; retry shortly");
        }
        try {
            return search.get();
        } finally {
            permits.release();
        }
    }
}
