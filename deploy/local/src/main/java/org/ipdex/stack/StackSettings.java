package org.ipdex.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Where the local stack keeps its data and which ports it uses. Every value comes from an environment variable
 * with a local default (see the README's configuration table).
 *
 * @param home           the one directory holding all data: PostgreSQL, Elasticsearch, logs, pid files, keys
 * @param repository     the checkout, where the service jars are built
 * @param postgresServer a PostgreSQL server to use instead of the embedded one (JDBC URL ending in '/')
 * @param elasticsearch  an Elasticsearch cluster to use instead of starting nodes (one URL, or several
 *                       comma-separated)
 * @param demoData       load the demo offices and specs; off for benchmarks that register their own
 * @param elasticsearchNodes how many local nodes to start when none is configured: 1 is a single-node cluster,
 *                       more form a cluster on the ports {@code ports.elasticsearch()}, {@code +1}, …
 */
public record StackSettings(Path home, Path repository, Ports ports, Optional<ExternalPostgres> postgresServer,
                            Optional<String> elasticsearch, String elasticsearchHeap, boolean demoData,
                            int elasticsearchNodes) {

    public StackSettings {
        if (elasticsearchNodes < 1) {
            throw new IllegalArgumentException("IPDEX_ELASTICSEARCH_NODES must be 1 or more, not " + elasticsearchNodes);
        }
    }

    /** A single local Elasticsearch node. */
    public StackSettings(Path home, Path repository, Ports ports, Optional<ExternalPostgres> postgresServer,
                         Optional<String> elasticsearch, String elasticsearchHeap, boolean demoData) {
        this(home, repository, ports, postgresServer, elasticsearch, elasticsearchHeap, demoData, 1);
    }

    public record Ports(int gateway, int catalog, int authority, int search, int postgres, int elasticsearch) {
    }

    public record ExternalPostgres(String serverUrl, String user, String password) {
    }

    public static StackSettings fromEnvironment(Path repository, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("IPDEX_HOME", defaultHome().toString())).toAbsolutePath();
        Ports ports = new Ports(port(env, "IPDEX_GATEWAY_PORT", 8080), port(env, "IPDEX_CATALOG_PORT", 8081),
                port(env, "IPDEX_AUTHORITY_PORT", 8082), port(env, "IPDEX_SEARCH_PORT", 8083),
                port(env, "IPDEX_POSTGRES_PORT", 54329), port(env, "IPDEX_ELASTICSEARCH_PORT", 9200));
        Optional<ExternalPostgres> postgres = Optional.ofNullable(env.get("IPDEX_POSTGRES_URL"))
                .map(url -> new ExternalPostgres(url.endsWith("/") ? url : url + "/",
                        env.getOrDefault("IPDEX_POSTGRES_USER", "postgres"),
                        env.getOrDefault("IPDEX_POSTGRES_PASSWORD", "")));
        return new StackSettings(home, repository, ports, postgres,
                Optional.ofNullable(env.get("IPDEX_ELASTICSEARCH_URL")),
                env.getOrDefault("IPDEX_ELASTICSEARCH_HEAP", "512m"),
                !"false".equalsIgnoreCase(env.getOrDefault("IPDEX_DEMO_DATA", "true")),
                Integer.parseInt(env.getOrDefault("IPDEX_ELASTICSEARCH_NODES", "1").strip()));
    }

    /**
     * Root's home is closed to other users, and Elasticsearch runs as its own user when we are root, so root's
     * default lives under /var/lib instead.
     */
    static Path defaultHome() {
        return SystemUser.isRoot() ? Path.of("/var/lib/ipdex") : Path.of(System.getProperty("user.home"), ".ipdex");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, Integer.toString(fallback)));
    }

    /** The HTTP ports of the local Elasticsearch nodes. */
    List<Integer> elasticsearchPorts() {
        return IntStream.range(0, elasticsearchNodes).mapToObj(i -> ports.elasticsearch() + i).toList();
    }

    Path run() {
        return home.resolve("run");
    }

    Path logs() {
        return home.resolve("logs");
    }

    public Path adminKeyFile() {
        return home.resolve("admin-api-key");
    }

    Path jar(String service) {
        Path jar = repository.resolve(service).resolve("target").resolve(service + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": build first with ./mvnw -DskipTests package");
        }
        return jar;
    }
}
