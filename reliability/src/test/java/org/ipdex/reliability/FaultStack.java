package org.ipdex.reliability;

import org.ipdex.stack.ChildProcess;
import org.ipdex.stack.ElasticsearchNode;
import org.ipdex.stack.EmbeddedDatabase;
import org.ipdex.stack.Ports;
import org.ipdex.stack.ServiceEnvironment;
import org.ipdex.stack.TestStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole product as {@code deploy/local/ipdex up} runs it (embedded PostgreSQL with a durable data directory, an
 * Elasticsearch node, the four service jars as JVMs of their own configured through their environment), but with
 * every piece under the test's hand: PostgreSQL and Elasticsearch stopped and started again on the same data and
 * port, each service killed with SIGKILL and started again on the same port. {@code LocalStack} offers none of that:
 * it starts and stops the stack as a whole.
 */
final class FaultStack implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(5);

    enum Service {
        CATALOG("catalog-service"), AUTHORITY("authority-service"), SEARCH("search-service"), GATEWAY("gateway");

        final String jarName;

        Service(String jarName) {
            this.jarName = jarName;
        }
    }

    private final Path home;
    private final Path repository;
    private final int postgresPort = Ports.free();
    private final int elasticsearchPort = Ports.free();
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private ServiceEnvironment environment;
    private final Map<Service, ChildProcess> processes = new EnumMap<>(Service.class);
    private EmbeddedDatabase postgres;
    private ElasticsearchNode elasticsearch;
    private String adminKey;

    private FaultStack(Path home, Path repository) {
        this.home = home;
        this.repository = repository;
        for (Service service : Service.values()) {
            ports.put(service, Ports.free());
        }
    }

    static FaultStack start() {
        try {
            // under /tmp: Elasticsearch runs as its own user when the build runs as root
            Path home = Files.createTempDirectory(Path.of("/tmp"), "ipdex-faults-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path repository = Path.of(System.getProperty("ipdex.repository", "..")).toAbsolutePath().normalize();
            FaultStack stack = new FaultStack(home, repository);
            try {
                stack.bringUp();
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bringUp() throws IOException {
        startPostgres();
        for (String db : List.of("ipdex_catalog", "ipdex_authority", "ipdex_gateway")) {
            postgres.createDatabaseIfMissing(db);
        }
        startElasticsearch();
        environment = new ServiceEnvironment(TestStack.IDENTITY_SECRET,
                new ServiceEnvironment.Database("jdbc:postgresql://127.0.0.1:" + postgresPort + "/",
                        EmbeddedDatabase.USER, ""),
                "http://127.0.0.1:" + elasticsearchPort, home.resolve("admin-api-key"),
                Map.of(Service.CATALOG.jarName, url(Service.CATALOG), Service.AUTHORITY.jarName, url(Service.AUTHORITY),
                        Service.SEARCH.jarName, url(Service.SEARCH)));
        Files.createDirectories(spool());
        List<Service> backends = List.of(Service.CATALOG, Service.AUTHORITY, Service.SEARCH);
        backends.forEach(this::launch);
        backends.forEach(this::awaitHealthy);
        start(Service.GATEWAY);
        adminKey = Files.readString(home.resolve("admin-api-key")).strip();
    }

    String gatewayUrl() {
        return url(Service.GATEWAY);
    }

    String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String elasticsearchUrl() {
        return "http://127.0.0.1:" + elasticsearchPort;
    }

    String adminKey() {
        return adminKey;
    }

    /** Where authority-service spools uploads. */
    Path spool() {
        return home.resolve("spool");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    /** SIGKILL: no shutdown hook, no rollback sent. @return the exit code (137 when the signal did it) */
    int kill(Service service) {
        return processes.remove(service).kill();
    }

    /** Starts a killed service again on its port and environment, and waits until it answers its health check. */
    void start(Service service) {
        start(service, Map.of());
    }

    /** The same, with settings for this run of it only (e.g. a rebuild hold), as environment variables. */
    void start(Service service, Map<String, String> extra) {
        launch(service, extra);
        awaitHealthy(service);
    }

    boolean isAlive(Service service) {
        ChildProcess process = processes.get(service);
        return process != null && process.isAlive();
    }

    /** A clean stop of the node, as an operator's restart would be; its data stays. */
    void stopElasticsearch() {
        elasticsearch.close();
        elasticsearch = null;
    }

    void startElasticsearch() {
        elasticsearch = ElasticsearchNode.start(Path.of(System.getProperty("java.io.tmpdir"), "ipdex-test"),
                home.resolve("elasticsearch"), elasticsearchPort, "512m", null);
    }

    /** {@code pg_ctl stop -m fast}: every session is ended, open transactions roll back; the data stays. */
    void stopPostgres() {
        postgres.close();
        postgres = null;
    }

    void startPostgres() {
        postgres = EmbeddedDatabase.start(home.resolve("postgres"), postgresPort);
    }

    private void launch(Service service) {
        launch(service, Map.of());
    }

    private void launch(Service service, Map<String, String> extra) {
        Map<String, String> environment = this.environment.of(service.jarName);
        if (service == Service.AUTHORITY) {
            // in the test's home: GatewayRestartIT checks that an abandoned upload leaves nothing there
            environment.put("IPDEX_INGEST_SPOOL_DIRECTORY", spool().toString());
        }
        environment.putAll(extra);
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(ports.get(service)));
        Path jar = repository.resolve(service.jarName).resolve("target").resolve(service.jarName + ".jar");
        // no wrapper script: the child is the java process itself, so that a kill hits the service and nothing else
        processes.put(service, ChildProcess.start(service.jarName, List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()),
                environment, home.resolve("logs").resolve(service.jarName + ".log"), null));
    }

    private void awaitHealthy(Service service) {
        processes.get(service).awaitHealthy(url(service) + "/health", START);
    }

    /** Stops everything, keeps the logs under target/fault-logs and removes the data. */
    @Override
    public void close() {
        List<AutoCloseable> running = new ArrayList<>(processes.values());
        processes.clear();
        if (elasticsearch != null) {
            running.add(elasticsearch);
        }
        if (postgres != null) {
            running.add(postgres);
        }
        for (AutoCloseable closeable : running) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e);
            }
        }
        try {
            Path logs = Files.createDirectories(Path.of("target", "fault-logs"));
            Path serviceLogs = home.resolve("logs");
            if (Files.isDirectory(serviceLogs)) {
                try (Stream<Path> files = Files.list(serviceLogs)) {
                    for (Path log : files.toList()) {
                        Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (Stream<Path> all = Files.walk(home)) {
                all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "FaultStack" + ports.toString().toLowerCase(Locale.ROOT) + " in " + home;
    }
}
