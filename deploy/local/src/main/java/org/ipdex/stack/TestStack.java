package org.ipdex.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared test harness: at most one real PostgreSQL and one real Elasticsearch per test JVM, started on
 * first use and stopped when the JVM exits. Each test class asks for its own fresh database.
 */
public final class TestStack {

    /** Signs the identity tokens of every service under test; never used outside tests. */
    public static final String IDENTITY_SECRET = "test-identity-secret-0123456789-abcdefghijklmnop";

    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "ipdex-test");
    private static EmbeddedDatabase database;
    private static ElasticsearchNode elasticsearch;

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
