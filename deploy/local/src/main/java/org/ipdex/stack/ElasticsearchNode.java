package org.ipdex.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Elasticsearch from the {@code integ-test-zip} artifact on Maven Central. Elasticsearch
 * refuses to run as root, so as root it runs as the system user {@value #SYSTEM_USER}, created on first use;
 * that user must be able to reach {@code workDirectory}.
 */
public final class ElasticsearchNode implements AutoCloseable {

    public static final String SYSTEM_USER = "ipdex-es";

    private final ChildProcess process;
    private final int port;

    private ElasticsearchNode(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param distributionCache where the distribution is unpacked once (read-only afterwards)
     * @param workDirectory     config, data, logs and temp files of this node
     * @param heap              e.g. {@code 512m}
     */
    public static ElasticsearchNode start(Path distributionCache, Path workDirectory, int httpPort, String heap,
                                          Path pidFile) {
        Path home = Distribution.unpacked(distributionCache);
        int transportPort = Ports.free();
        Path config = workDirectory.resolve("config");
        try {
            for (String dir : List.of("config", "data", "logs", "tmp")) {
                Files.createDirectories(workDirectory.resolve(dir));
            }
            for (String file : List.of("jvm.options", "log4j2.properties")) {
                Files.copy(home.resolve("config").resolve(file), config.resolve(file),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(config.resolve("elasticsearch.yml"), """
                    cluster.name: ipdex
                    node.name: ipdex-node
                    path.data: %s
                    path.logs: %s
                    network.host: 127.0.0.1
                    http.port: %d
                    transport.port: %d
                    discovery.type: single-node
                    xpack.security.enabled: false
                    action.destructive_requires_name: false
                    cluster.routing.allocation.disk.threshold_enabled: false
                    """.formatted(workDirectory.resolve("data"), workDirectory.resolve("logs"), httpPort,
                    transportPort));
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
                "ES_PATH_CONF", config.toString(),
                "ES_TMPDIR", workDirectory.resolve("tmp").toString(),
                "ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        ChildProcess process = ChildProcess.start("elasticsearch", command, env,
                workDirectory.resolve("logs/console.log"), pidFile);
        ElasticsearchNode node = new ElasticsearchNode(process, httpPort);
        try {
            process.awaitHealthy(node.url() + "/_cluster/health?wait_for_status=yellow&timeout=1s",
                    ChildProcess.startTimeout(Duration.ofSeconds(180)));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return node;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.close();
    }
}
