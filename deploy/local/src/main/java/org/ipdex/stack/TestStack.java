package org.ipdex.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The shared test harness: at most one real PostgreSQL, one real Elasticsearch node and one Elasticsearch cluster
 * per test JVM, started on first use and stopped when the JVM exits. Each test class asks for its own fresh database.
 */
public final class TestStack {

    /** Signs the identity tokens of every service under test; never used outside tests. */
    public static final String IDENTITY_SECRET = "test-identity-secret-0123456789-abcdefghijklmnop";

    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "ipdex-test");
    private static EmbeddedDatabase database;
    private static ElasticsearchNode elasticsearch;
    private static ElasticsearchCluster cluster;

    private TestStack() {
    }

    public static synchronized EmbeddedDatabase postgres() {
        if (database == null) {
            database = EmbeddedDatabase.start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "stop-test-postgres"));
        }
        return database;
    }

    public static synchronized ElasticsearchNode elasticsearch() {
        if (elasticsearch == null) {
            Path work = ROOT.resolve("es-" + ProcessHandle.current().pid());
            elasticsearch = ElasticsearchNode.start(ROOT, work, Ports.free(), "512m", null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                elasticsearch.close();
                Files2.deleteTree(work);
            }, "stop-test-elasticsearch"));
        }
        return elasticsearch;
    }

    /**
     * A cluster of {@code size} nodes, started on first use and shared by every test class of the JVM that asks for
     * one (it takes most of a minute to form). A test that kills a node must bring it back before it ends.
     */
    public static synchronized ElasticsearchCluster elasticsearchCluster(int size) {
        if (cluster == null) {
            Path work = ROOT.resolve("es-cluster-" + ProcessHandle.current().pid());
            List<Integer> ports = IntStream.range(0, size).mapToObj(i -> Ports.free()).toList();
            cluster = ElasticsearchCluster.start(ROOT, work, ports, "512m", null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cluster.close();
                Files2.deleteTree(work);
            }, "stop-test-elasticsearch-cluster"));
        } else if (cluster.nodes().size() != size) {
            throw new IllegalStateException("This JVM runs a cluster of " + cluster.nodes().size()
                    + " nodes; a test asked for " + size);
        }
        return cluster;
    }

    /** What every service under test needs: the identity secret, and a fresh database of its own. */
    public static Map<String, String> serviceProperties(String databasePrefix) {
        Map<String, String> properties = freshDatasource(databasePrefix);
        properties.put("ipdex.identity.secret", IDENTITY_SECRET);
        return properties;
    }

    /** Micronaut properties for a fresh database of its own on the shared server. */
    public static Map<String, String> freshDatasource(String prefix) {
        EmbeddedDatabase server = postgres();
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", server.jdbcUrl(server.freshDatabase(prefix)));
        properties.put("datasources.default.username", EmbeddedDatabase.USER);
        properties.put("datasources.default.password", "");
        return properties;
    }
}
