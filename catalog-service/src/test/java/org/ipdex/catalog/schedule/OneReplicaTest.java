package org.ipdex.catalog.schedule;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.common.schedule.OneReplica;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas share one database; here they are two {@link OneReplica}s on that database's pool (each run takes
 * its own connection, which is all a second process would differ in).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneReplicaTest implements TestPropertyProvider {

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return TestStack.serviceProperties("catalog");
    }

    @Test
    void whileOneReplicaRunsATaskTheOtherSkipsItThenRunsItLater() throws Exception {
        OneReplica first = new OneReplica(dataSource);
        OneReplica second = new OneReplica(dataSource);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> firstRun = CompletableFuture.supplyAsync(() -> first.run("probe", () -> {
            runs.incrementAndGet();
            running.countDown();
            await(release);
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));

        assertFalse(second.run("probe", runs::incrementAndGet), "the same task is skipped while it runs elsewhere");
        assertTrue(second.run("refresh", runs::incrementAndGet), "another task is not held up");
        release.countDown();
        assertTrue(firstRun.get(10, TimeUnit.SECONDS));
        assertTrue(second.run("probe", runs::incrementAndGet), "free again once the first run ended");
        assertEquals(3, runs.get());
    }

    @Test
    void aFailingRunReleasesTheTask() {
        OneReplica replica = new OneReplica(dataSource);
        assertThrows(IllegalStateException.class, () -> replica.run("failing", () -> {
            throw new IllegalStateException("the work failed");
        }), "the failure reaches the caller (the scheduler logs it)");
        assertTrue(new OneReplica(dataSource).run("failing", () -> { }));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
