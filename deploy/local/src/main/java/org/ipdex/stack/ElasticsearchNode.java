package org.ipdex.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Elasticsearch node from the {@code integ-test-zip} artifact on Maven Central: a single-node cluster, or
 * one member of an {@link ElasticsearchCluster}. Elasticsearch refuses to run as root, so as root it runs as the
 * system user {@value #SYSTEM_USER}, created on first use; that user must be able to reach {@code workDirectory}.
 * A node has six minutes to become healthy, or longer where the machine is known to be busy (see
 * {@link ChildProcess#startTimeout}).
 */
public final class ElasticsearchNode implements AutoCloseable {

    public static final String SYSTEM_USER = "ipdex-es";
    /** The main class of the server JVM, which the launcher JVM of {@code bin/elasticsearch} starts. */
    private static final String SERVER_MAIN = "org.elasticsearch.bootstrap.Elasticsearch";
    // minutes, not seconds: on two cores that other builds keep busy a node took over three to start
    private static final Duration START = ChildProcess.startTimeout(Duration.ofMinutes(6));

    /**
     * How one node is configured.
     *
     * @param heap      e.g. {@code 512m}
     * @param discovery empty seed ports: a single-node cluster
     */
    public record Config(String name, int httpPort, int transportPort, String heap, Discovery discovery) {
    }

    /**
     * How a cluster member finds the others.
     *
     * @param seedTransportPorts every member's transport port on loopback; empty for a single node
     * @param initialMasterNodes the names of the first voting configuration: given on the cluster's very first start
     *                           only, never to a node that restarts on its data (Elasticsearch's bootstrapping rule)
     */
    public record Discovery(List<Integer> seedTransportPorts, List<String> initialMasterNodes) {

        public static Discovery singleNode() {
            return new Discovery(List.of(), List.of());
        }

        /** The same seeds, for a node that has joined the cluster before. */
        public Discovery rejoining() {
            return new Discovery(seedTransportPorts, List.of());
        }
    }

    private final Path home;
    private final Path workDirectory;
    private final Path pidFile;
    private Config config;
    private ChildProcess process;

    private ElasticsearchNode(Path home, Path workDirectory, Config config, Path pidFile) {
        this.home = home;
        this.workDirectory = workDirectory;
        this.config = config;
        this.pidFile = pidFile;
    }

    /**
     * A single-node cluster, started and healthy.
     *
     * @param distributionCache where the distribution is unpacked once (read-only afterwards)
     * @param workDirectory     config, data, logs and temp files of this node
     * @param heap              e.g. {@code 512m}
     */
    public static ElasticsearchNode start(Path distributionCache, Path workDirectory, int httpPort, String heap,
                                          Path pidFile) {
        ElasticsearchNode node = launch(distributionCache, workDirectory,
                new Config("ipdex-node", httpPort, Ports.free(), heap, Discovery.singleNode()), pidFile);
        node.awaitUp(START);
        return node;
    }

    /** Starts the process and returns at once: a cluster member has no master until enough members run. */
    static ElasticsearchNode launch(Path distributionCache, Path workDirectory, Config config, Path pidFile) {
        ElasticsearchNode node = new ElasticsearchNode(Distribution.unpacked(distributionCache), workDirectory,
                config, pidFile);
        node.run();
        return node;
    }

    private void run() {
        Path configDirectory = workDirectory.resolve("config");
        try {
            for (String dir : List.of("config", "data", "logs", "tmp")) {
                Files.createDirectories(workDirectory.resolve(dir));
            }
            for (String file : List.of("jvm.options", "log4j2.properties")) {
                Files.copy(home.resolve("config").resolve(file), configDirectory.resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(configDirectory.resolve("elasticsearch.yml"), settings());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + workDirectory, e);
        }
        List<String> command = new ArrayList<>();
        if (SystemUser.isRoot()) {
            SystemUser.ensure(SYSTEM_USER);
            SystemUser.chown(SYSTEM_USER, workDirectory);
            Path launcher = home.resolve("bin/elasticsearch");
            if (!SystemUser.canExecute(SYSTEM_USER, launcher)) {
                throw new IllegalStateException("Elasticsearch runs as the user " + SYSTEM_USER + ", which cannot reach "
                        + launcher + ": put the data directory where other users may enter (e.g. under /var/lib)");
            }
            command.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        Map<String, String> env = Map.of(
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_PATH_CONF", configDirectory.toString(),
                "ES_TMPDIR", workDirectory.resolve("tmp").toString(),
                "ES_JAVA_OPTS", "-Xms" + config.heap() + " -Xmx" + config.heap());
        process = ChildProcess.start("elasticsearch " + config.name(), command, env,
                workDirectory.resolve("logs/console.log"), pidFile);
    }

    private String settings() {
        String common = """
                cluster.name: ipdex
                node.name: %s
                path.data: %s
                path.logs: %s
                network.host: 127.0.0.1
                http.port: %d
                transport.port: %d
                xpack.security.enabled: false
                action.destructive_requires_name: false
                cluster.routing.allocation.disk.threshold_enabled: false
                """.formatted(config.name(), workDirectory.resolve("data"), workDirectory.resolve("logs"),
                config.httpPort(), config.transportPort());
        Discovery discovery = config.discovery();
        if (discovery.seedTransportPorts().isEmpty()) {
            return common + "discovery.type: single-node\n";
        }
        // several nodes share two cores: one processor each keeps their thread pools (and context switches) small
        String cluster = common + "node.processors: 1\ndiscovery.seed_hosts: "
                + discovery.seedTransportPorts().stream().map(port -> "\"127.0.0.1:" + port + "\"")
                .collect(Collectors.joining(", ", "[", "]")) + "\n";
        if (discovery.initialMasterNodes().isEmpty()) {
            return cluster;
        }
        return cluster + "cluster.initial_master_nodes: " + discovery.initialMasterNodes().stream()
                .map(name -> "\"" + name + "\"").collect(Collectors.joining(", ", "[", "]")) + "\n";
    }

    /** Waits until this node answers its cluster's health: for a cluster member, until it has joined a master. */
    void awaitUp(Duration timeout) {
        try {
            process.awaitHealthy(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s&master_timeout=1s",
                    timeout);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /**
     * SIGKILL to the server JVM, as the OOM killer or a pulled plug would: no shutdown, no flush. Returns when the
     * launcher that {@code bin/elasticsearch} started (and, as root, {@code runuser}) has gone with it.
     */
    public void kill() {
        ProcessHandle server = process.handle().descendants()
                .filter(child -> child.info().commandLine().orElse("").contains(SERVER_MAIN))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No Elasticsearch server process below " + process));
        server.destroyForcibly();
        server.onExit().join();
        process.awaitExit(Duration.ofSeconds(30));
    }

    /** Starts the node again on its data directory and ports, as a member that has joined the cluster before. */
    public void restart(Duration timeout) {
        if (process.isAlive()) {
            throw new IllegalStateException(config.name() + " is still running");
        }
        config = new Config(config.name(), config.httpPort(), config.transportPort(), config.heap(),
                config.discovery().rejoining());
        run();
        awaitUp(timeout);
    }

    /** Whether {@code path.data} is still empty: a node that never started, so its cluster was never formed. */
    static boolean neverStarted(Path workDirectory) {
        Path data = workDirectory.resolve("data");
        if (!Files.isDirectory(data)) {
            return true;
        }
        try (var entries = Files.list(data)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return config.name();
    }

    public String url() {
        return "http://127.0.0.1:" + config.httpPort();
    }

    public int port() {
        return config.httpPort();
    }

    /** Config, data and logs of this node. */
    public Path workDirectory() {
        return workDirectory;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
