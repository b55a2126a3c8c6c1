package org.ipdex.e2e;

import org.ipdex.stack.ChildProcess;
import org.ipdex.stack.Ports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * authority-service as {@code ipdex up} runs it: its jar in a JVM of its own with the same options, configured
 * only through its environment, on a database of the shared test harness. It can be killed and started again on
 * the same database and spool directory, which is what a crash test needs and the whole stack does not offer.
 */
final class AuthorityProcess implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(120);

    private final Map<String, String> environment = new HashMap<>();
    private final Path jar;
    private final Path log;
    private ChildProcess process;
    private String url;

    /**
     * @param properties Micronaut properties (datasource, identity secret), passed as the environment variables
     *                   an operator would set
     * @param spool      where uploads are spooled, so that the test can see what a kill leaves there
     * @param log        appended to by every start
     */
    AuthorityProcess(Map<String, String> properties, Path spool, Path log) {
        properties.forEach((name, value) -> environment.put(environmentName(name), value));
        environment.put("IPDEX_INGEST_SPOOL_DIRECTORY", spool.toString());
        Path repository = Path.of(System.getProperty("ipdex.repository", "..")).toAbsolutePath().normalize();
        this.jar = repository.resolve("authority-service/target/authority-service.jar");
        this.log = log;
    }

    /** Starts the service (again) on a free port and waits until it is healthy, its start-up recovery done. */
    void start() {
        int port = Ports.free();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        url = "http://127.0.0.1:" + port;
        // no wrapper script: the child is the java process itself, so a kill hits the service and nothing else
        process = ChildProcess.start("authority-service", List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar.toString()), environment, log, null);
        process.awaitHealthy(url + "/health", START);
    }

    /** SIGKILL; returns the exit code (137 when the signal did it). */
    int kill() {
        return process.kill();
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    /** {@code datasources.default.url} → {@code DATASOURCES_DEFAULT_URL}, as Micronaut reads it back. */
    private static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
