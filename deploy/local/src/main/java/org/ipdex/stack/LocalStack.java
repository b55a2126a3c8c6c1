package org.ipdex.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole product on one machine: PostgreSQL, Elasticsearch, the four services and demo data. Started by
 * {@code deploy/local/ipdex up}; the end-to-end test starts it the same way with its own home and ports.
 */
public final class LocalStack implements AutoCloseable {

    // a service starts in about 3 s on an idle machine; two cores shared with other builds took over two minutes
    private static final Duration SERVICE_START = ChildProcess.startTimeout(Duration.ofMinutes(5));

    private final StackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private FileLock lock;
    private String adminKey;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.bringUp();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + settings.ports().gateway();
    }

    public String serviceUrl(String service) {
        StackSettings.Ports ports = settings.ports();
        int port = switch (service) {
            case "catalog-service" -> ports.catalog();
            case "authority-service" -> ports.authority();
            case "search-service" -> ports.search();
            default -> ports.gateway();
        };
        return "http://127.0.0.1:" + port;
    }

    /** Every port of the stack: tests check that none of them shows in an answer. */
    public StackSettings.Ports ports() {
        return settings.ports();
    }

    public String adminKey() {
        return adminKey;
    }

    private void bringUp() {
        Path home = settings.home();
        mkdirs(home, settings.run(), settings.logs());
        lock = exclusiveLock(home.resolve("stack.lock"));
        StaleProcesses.stopAll(settings.run());
        requireFreePorts();

        String jdbcServer;
        String dbUser;
        String dbPassword;
        if (settings.postgresServer().isPresent()) {
            StackSettings.ExternalPostgres external = settings.postgresServer().get();
            jdbcServer = external.serverUrl();
            dbUser = external.user();
            dbPassword = external.password();
        } else {
            log("starting PostgreSQL on port " + settings.ports().postgres());
            EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("postgres"), settings.ports().postgres());
            started.push(database);
            jdbcServer = database.serverUrl();
            dbUser = EmbeddedDatabase.USER;
            dbPassword = "";
        }
        for (String db : List.of("ipdex_catalog", "ipdex_authority", "ipdex_gateway")) {
            EmbeddedDatabase.createDatabaseIfMissing(jdbcServer, dbUser, dbPassword, db);
        }

        String elasticsearch = settings.elasticsearch().orElseGet(this::startElasticsearch);

        ServiceEnvironment environment = new ServiceEnvironment(identitySecret(home.resolve("identity-secret")),
                new ServiceEnvironment.Database(jdbcServer, dbUser, dbPassword), elasticsearch,
                settings.adminKeyFile(), Map.of("catalog-service", serviceUrl("catalog-service"),
                        "authority-service", serviceUrl("authority-service"),
                        "search-service", serviceUrl("search-service")));
        StackSettings.Ports ports = settings.ports();
        List<ChildProcess> backends = new ArrayList<>();
        backends.add(service("catalog-service", ports.catalog(), environment));
        backends.add(service("authority-service", ports.authority(), environment));
        backends.add(service("search-service", ports.search(), environment));
        for (int i = 0; i < backends.size(); i++) {
            backends.get(i).awaitHealthy(serviceUrl(List.of("catalog-service", "authority-service",
                    "search-service").get(i)) + "/health", SERVICE_START);
        }
        ChildProcess gateway = service("gateway", ports.gateway(), environment);
        gateway.awaitHealthy(gatewayUrl() + "/health", SERVICE_START);
        adminKey = read(settings.adminKeyFile()).strip();

        if (settings.demoData()) {
            Path corpus = settings.repository().resolve("../shared/corpus/openapi").normalize();
            int registered = new DemoData(gatewayUrl(), adminKey).load(Files.isDirectory(corpus) ? corpus : null);
            log("demo data loaded (" + registered + " new specs registered)");
        }
    }

    /** One node, or a cluster of {@code IPDEX_ELASTICSEARCH_NODES}; returns the URL(s) for search-service. */
    private String startElasticsearch() {
        Path home = settings.home();
        if (settings.elasticsearchNodes() == 1) {
            log("starting Elasticsearch " + Distribution.version() + " on port " + settings.ports().elasticsearch());
            ElasticsearchNode node = ElasticsearchNode.start(home, home.resolve("elasticsearch"),
                    settings.ports().elasticsearch(), settings.elasticsearchHeap(),
                    settings.run().resolve("elasticsearch.pid"));
            started.push(node);
            return node.url();
        }
        log("starting an Elasticsearch " + Distribution.version() + " cluster of " + settings.elasticsearchNodes()
                + " nodes on ports " + settings.elasticsearchPorts());
        ElasticsearchCluster cluster = ElasticsearchCluster.start(home, home.resolve("elasticsearch-cluster"),
                settings.elasticsearchPorts(), settings.elasticsearchHeap(), settings.run());
        started.push(cluster);
        log("Elasticsearch cluster green in " + cluster.startTime().toMillis() + " ms");
        return cluster.urls();
    }

    /** A health check answered by somebody else's server on our port would pass for ours: refuse to start. */
    private void requireFreePorts() {
        StackSettings.Ports ports = settings.ports();
        List<Integer> wanted = new ArrayList<>(List.of(ports.gateway(), ports.catalog(), ports.authority(),
                ports.search()));
        if (settings.postgresServer().isEmpty()) {
            wanted.add(ports.postgres());
        }
        if (settings.elasticsearch().isEmpty()) {
            wanted.addAll(settings.elasticsearchPorts());
        }
        List<Integer> busy = wanted.stream().filter(Ports::inUse).toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports already in use: " + busy
                    + " (set IPDEX_*_PORT, see the README's configuration table)");
        }
    }

    private ChildProcess service(String name, int port, ServiceEnvironment environment) {
        Map<String, String> env = environment.of(name);
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        log("starting " + name + " on port " + port);
        ChildProcess process = ChildProcess.start(name,
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms64m", "-Xmx512m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError",
                        "-jar", settings.jar(name).toString()),
                env, settings.logs().resolve(name + ".log"), settings.run().resolve(name + ".pid"));
        started.push(process);
        return process;
    }

    /** Stops everything this stack started, newest first. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log("while stopping: " + e.getMessage());
            }
        }
        if (lock != null) {
            try {
                lock.release();
                lock.channel().close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
            lock = null;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "up" : args[0];
        Path repository = Path.of(Optional.ofNullable(System.getProperty("ipdex.repository")).orElse("."))
                .toAbsolutePath().normalize();
        StackSettings settings = StackSettings.fromEnvironment(repository, System.getenv());
        switch (command) {
            case "up" -> up(settings);
            case "stop" -> {
                StaleProcesses.stopLauncher(settings.run());
                StaleProcesses.stopAll(settings.run());
                log("stopped");
            }
            case "parity" -> System.exit(Parity.command(settings));
            default -> {
                System.err.println("usage: ipdex [up|stop|parity]");
                System.exit(2);
            }
        }
    }

    private static void up(StackSettings settings) throws InterruptedException {
        Path launcherPid = settings.run().resolve("launcher.pid");
        LocalStack stack;
        try {
            stack = start(settings);
        } catch (RuntimeException e) {
            System.err.println("ipdex: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            stack.close();
            PidFile.delete(launcherPid);
        }, "ipdex-stop"));
        PidFile.write(launcherPid, ProcessHandle.current());
        System.out.println();
        System.out.println("  ipdex is running.");
        System.out.println("  Portal:        " + stack.gatewayUrl() + "/");
        System.out.println("  API docs:      " + stack.gatewayUrl() + "/docs");
        System.out.println("  Admin API key: " + stack.adminKey() + "   (also in " + settings.adminKeyFile() + ")");
        System.out.println("  Data and logs: " + settings.home());
        System.out.println("  Stop with Ctrl-C, or 'deploy/local/ipdex stop' from another terminal.");
        System.out.println();
        Thread.currentThread().join();
    }

    private static FileLock exclusiveLock(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another ipdex stack is running with data in " + file.getParent()
                        + " (stop it with 'deploy/local/ipdex stop')");
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HS256 secret the services share; made once and kept with the data it protects. */
    private static String identitySecret(Path file) {
        if (Files.isRegularFile(file)) {
            return read(file).strip();
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        write(file, secret);
        return secret;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path... dirs) {
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void log(String message) {
        System.out.println("ipdex: " + message);
    }
}
