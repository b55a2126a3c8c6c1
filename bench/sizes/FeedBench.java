import org.ipdex.stack.EmbeddedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The feed's write ceiling alone (bench/sizes/feed.sh): the embedded PostgreSQL with the local stack's durable
 * settings, nothing else running.
 */
public final class FeedBench {

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args[0]).toAbsolutePath().normalize();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 30;
        Path data = Files.createTempDirectory("ipdex-feed-bench");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("pg"), 0)) {
            database.createDatabaseIfMissing("feedbench");
            Report report = new Report();
            report.feed(FeedCeiling.run(database.jdbcUrl("feedbench"), repository, new int[]{1, 4, 16}, seconds, 5));
            report.print();
        } finally {
            SearchLatencyBench.deleteTree(data);
        }
    }
}
