package org.ipdex.authority.coverage;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Coverage checks as jobs: the request stores the upload and answers 202; a bounded pool compares. A permit is
 * taken before the upload is read, so a full queue refuses with 503 instead of filling the disk. Each running
 * check's row gets a heartbeat; a check whose heartbeat stops (its process died) is marked failed by whichever
 * replica sweeps next, and its staging table is dropped.
 */
@Singleton
public class CoverageJobs {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageJobs.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CoverageConfig config;
    private final CoverageCheckStore store;
    private final CoverageRun runner;
    private final DataSource dataSource;
    private final Spool spool;
    private final Semaphore permits;
    private final ThreadPoolExecutor executor;
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();

    CoverageJobs(CoverageConfig config, CoverageCheckStore store, CoverageRun runner, DataSource dataSource) {
        this.config = config;
        this.store = store;
        this.runner = runner;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // plain pooled connections, no ambient transaction
        this.spool = new Spool(Path.of(config.spoolDirectory() != null ? config.spoolDirectory()
                : System.getProperty("java.io.tmpdir") + "/ipdex-coverage"));
        int parallelism = Math.max(1, config.parallelism());
        this.permits = new Semaphore(parallelism + Math.max(0, config.queueCapacity()));
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(parallelism + Math.max(1, config.queueCapacity())),
                task -> new Thread(task, "coverage-check-" + threads.incrementAndGet()));
    }

    /** Stores the upload, queues the check and returns its public id. */
    public String submit(CheckRequest request, InputStream body) {
        if (!permits.tryAcquire()) {
            throw new UnavailableException("Too many coverage checks are waiting; please try again in a few minutes");
        }
        boolean queued = false;
        String checkId = HexFormat.of().formatHex(randomBytes());
        long id = store.create(checkId, request.name(), request.scope(), runner.json(request.scope()),
                request.createdBy());
        mine.add(id);
        Path file = spool.file(id);
        try {
            long bytes = Spool.store(body, file, config.maxUploadBytes());
            store.queued(id, bytes);
            executor.execute(() -> runAndRelease(id, request, file));
            queued = true;
            return checkId;
        } catch (IOException e) {
            store.failed(id, "the upload was interrupted before it was complete");
            throw new InvalidInputException("The upload was interrupted before it was complete");
        } catch (RuntimeException e) {
            store.failed(id, "the upload was refused: " + e.getMessage());
            throw e;
        } finally {
            if (!queued) {
                mine.remove(id);
                permits.release();
                Spool.delete(file);
            }
        }
    }

    private void runAndRelease(long id, CheckRequest request, Path file) {
        try {
            runner.run(id, request, file);
        } finally {
            mine.remove(id);
            permits.release();
            Spool.delete(file);
        }
    }

    @Scheduled(fixedDelay = "10s", initialDelay = "10s")
    void heartbeat() {
        store.heartbeat(List.copyOf(mine));
    }

    @EventListener
    void onStartup(StartupEvent event) {
        sweep();
    }

    /** Marks interrupted checks (no heartbeat for {@code stale-after}) failed and drops their staging tables. */
    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    public void sweep() {
        List<Long> interrupted = store.markStaleFailed(Instant.now().minus(config.staleAfter()));
        if (interrupted.isEmpty()) {
            return;
        }
        LOG.warn("Coverage checks {} were interrupted (no heartbeat for {}) and are marked failed", interrupted,
                config.staleAfter());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (long id : interrupted) {
                statement.execute("DROP TABLE IF EXISTS " + CoverageAnalysis.stagingTable(id));
                Spool.delete(spool.file(id));
            }
        } catch (SQLException e) {
            LOG.warn("Could not drop the staging tables of interrupted checks {}", interrupted, e);
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
