import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * The write ceiling of the change feed's outbox: commits/s of tiny transactions that each append one feed row the
 * way {@code common/…/feed/ChangeFeed#append} does (the same statement, queued on the same transaction-scoped
 * advisory lock), against the same insert without the lock, in the same run and the same database, alternating.
 */
final class FeedCeiling {

    /** ChangeFeed.FEED_LOCK */
    private static final long FEED_LOCK = 0x1bde_feedL;
    private static final String LOCKED = """
            WITH lock AS (SELECT pg_advisory_xact_lock(?))
            INSERT INTO change_feed (type, key, version, data)
            SELECT ?, ?, ?, ?::jsonb FROM lock RETURNING seq""";
    private static final String UNLOCKED = """
            INSERT INTO change_feed (type, key, version, data)
            SELECT ?, ?, ?, ?::jsonb RETURNING seq""";
    /** about the size of an api.upserted-free event such as edition.activated */
    private static final String PAYLOAD = "{\"editionId\":42,\"office\":\"EP\",\"category\":\"full\","
            + "\"recordCount\":1000000,\"producedOn\":\"2026-12-01\"}";

    record Result(int writers, boolean locked, long commits, double seconds) {
        double perSecond() {
            return commits / seconds;
        }
    }

    private FeedCeiling() {
    }

    /**
     * @param jdbcUrl a scratch database; the change_feed table is created from the common migration
     * @param seconds per writer count and side, split over {@code rounds} alternating rounds
     */
    static List<Result> run(String jdbcUrl, Path repository, int[] writerCounts, double seconds, int rounds)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS change_feed");
            statement.execute(Files.readString(repository.resolve(
                    "common/src/main/resources/db/common/V1__change_feed.sql")));
        }
        List<Result> results = new ArrayList<>();
        for (int writers : writerCounts) {
            // a short unmeasured pass first: connections, plans, the JIT
            measure(jdbcUrl, writers, true, 1.0);
            measure(jdbcUrl, writers, false, 1.0);
            // rounds alternate, so that other work on a shared machine weighs on both sides alike
            List<Result> locked = new ArrayList<>();
            List<Result> unlocked = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                locked.add(measure(jdbcUrl, writers, true, seconds / rounds));
                unlocked.add(measure(jdbcUrl, writers, false, seconds / rounds));
            }
            results.add(sum(locked));
            results.add(sum(unlocked));
        }
        return results;
    }

    private static Result sum(List<Result> rounds) {
        return new Result(rounds.get(0).writers(), rounds.get(0).locked(),
                rounds.stream().mapToLong(Result::commits).sum(), rounds.stream().mapToDouble(Result::seconds).sum());
    }

    private static Result measure(String jdbcUrl, int writers, boolean locked, double seconds) throws Exception {
        LongAdder commits = new LongAdder();
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        Exception[] failure = new Exception[1];
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                    connection.setAutoCommit(false);
                    try (PreparedStatement insert = connection.prepareStatement(locked ? LOCKED : UNLOCKED)) {
                        ready.countDown();
                        go.await();
                        long version = 0;
                        while (System.nanoTime() < window[1]) {
                            int i = 1;
                            if (locked) {
                                insert.setLong(i++, FEED_LOCK);
                            }
                            insert.setString(i++, "edition.activated");
                            insert.setString(i++, "W" + writer);
                            insert.setLong(i++, ++version);
                            insert.setString(i, PAYLOAD);
                            try (ResultSet rows = insert.executeQuery()) {
                                rows.next();
                            }
                            connection.commit();
                            commits.increment();
                        }
                    }
                } catch (Exception e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                    ready.countDown();
                }
            }, "feed-writer-" + w);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        return new Result(writers, locked, commits.sum(), elapsed);
    }
}
