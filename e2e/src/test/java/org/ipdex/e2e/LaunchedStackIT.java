package org.ipdex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.stack.ElasticsearchNode;
import org.ipdex.stack.EmbeddedDatabase;
import org.ipdex.stack.Ports;
import org.ipdex.stack.TcpProxy;
import org.ipdex.stack.TestStack;
import org.ipdex.testdata.SmallSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code deploy/local/ipdex up} as a person runs it: the launcher jar in a process group of its own, stopped with
 * Ctrl-C (SIGINT to the whole group, which is what a terminal sends); the second time it is killed with SIGKILL and
 * {@code ipdex stop} from another terminal stops what it left running. Each stop must leave no process and no port
 * behind, a second {@code up} on the same data must refuse while the first runs, and a restart must find everything
 * it had.
 *
 * <p>{@code env --default-signal=INT} undoes an ignored SIGINT inherited from a build started in the background
 * (the JVM installs no handler for a signal it found ignored), so that Ctrl-C is really tested.
 *
 * <p>With a PostgreSQL URL and an Elasticsearch URL configured, the launcher starts neither and stops neither, and the
 * services' readiness follows the database (reached through a {@link TcpProxy} that the test cuts). Those tests use
 * the harness's Elasticsearch, each under an index prefix of its own; behind another proxy it goes away while an office
 * registers a spec.
 */
class LaunchedStackIT {

    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STOP = Duration.ofSeconds(90);
    private static final Pattern PORTAL = Pattern.compile("Portal:\\s+(\\S+?)/?\\s*$", Pattern.MULTILINE);
    private static final Pattern ADMIN_KEY = Pattern.compile("Admin API key:\\s+(\\S+)");
    private static final String SPEC = SmallSpec.titled("Opposition Register");

    private static final HttpClient PROBE = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3)).build();

    private final Path repository =
            Path.of(System.getProperty("ipdex.repository", "..")).toAbsolutePath().normalize();
    private final Map<Process, Path> launched = new LinkedHashMap<>();
    private final List<TcpProxy> proxies = new ArrayList<>();
    private Path home;
    private Map<String, String> environment;
    private List<Integer> ports;

    @BeforeEach
    void newDataDirectory() throws IOException {
        // under /tmp: Elasticsearch runs as its own user when the build runs as root
        home = Files.createTempDirectory(Path.of("/tmp"), "ipdex-launched-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        ports = List.of(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
        environment = new HashMap<>(Map.of("IPDEX_HOME", home.toString(),
                "IPDEX_GATEWAY_PORT", ports.get(0).toString(), "IPDEX_CATALOG_PORT", ports.get(1).toString(),
                "IPDEX_AUTHORITY_PORT", ports.get(2).toString(), "IPDEX_SEARCH_PORT", ports.get(3).toString(),
                "IPDEX_POSTGRES_PORT", ports.get(4).toString(), "IPDEX_ELASTICSEARCH_PORT", ports.get(5).toString()));
    }

    @Test
    void ctrlCAndStopLeaveNothingRunningAndASecondStartKeepsEverything() throws Exception {
        Process first = launch("up");
        String output = awaitOutput(first, PORTAL, START);
        Http gateway = new Http(find(PORTAL, output));
        String adminKey = find(ADMIN_KEY, output);
        assertEquals(adminKey, Files.readString(home.resolve("admin-api-key")).strip());

        Process second = launch("up");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "a second 'up' on the same data must not start");
        assertEquals(1, second.exitValue());
        assertTrue(outputOf(second).contains("Another ipdex stack is running"), outputOf(second));

        String officeKey = createOfficeKey(gateway, adminKey);
        Http.Answer registered = gateway.post("/api/v1/catalog/apis", officeKey, "application/yaml", SPEC);
        assertEquals(201, registered.status(), registered.body());
        String apiId = registered.json().at("/api/apiId").asText();
        awaitSearchHit(gateway, "/api/v1/search/apis?q=opposition", apiId);
        List<String> apisBefore = apiIds(gateway, adminKey);
        assertTrue(apisBefore.size() >= 2 && apisBefore.contains(apiId), apisBefore.toString());

        List<ProcessHandle> firstRun = processesOf(first);
        assertTrue(firstRun.size() >= 7, "launcher, four services, Elasticsearch and PostgreSQL: " + firstRun);
        signalGroup(first, "INT");
        assertTrue(first.waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "the launcher did not stop after Ctrl-C");
        assertNothingLeft(firstRun);

        Process restarted = launch("up");
        output = awaitOutput(restarted, PORTAL, START);
        assertEquals(adminKey, find(ADMIN_KEY, output), "the admin key is created once, on the first start");
        assertTrue(output.contains("demo data loaded (0 new specs registered)"), output);
        gateway = new Http(find(PORTAL, output));
        assertEquals(apisBefore, apiIds(gateway, adminKey), "the catalogue after a restart");
        assertEquals(200, gateway.get("/api/v1/catalog/apis/" + apiId, officeKey).status(),
                "the office key still works after a restart");
        awaitSearchHit(gateway, "/api/v1/search/apis?q=opposition", apiId);

        // the launcher dies without a word (kill -9): its servers run on; 'ipdex stop' finds them by their pid files
        List<ProcessHandle> secondRun = processesOf(restarted);
        restarted.destroyForcibly().waitFor();
        assertTrue(ready(ports.get(0)), "the orphaned gateway still answers");
        Process stop = launch("stop");
        assertTrue(stop.waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "'ipdex stop' did not return");
        assertEquals(0, stop.exitValue(), outputOf(stop));
        assertTrue(outputOf(stop).contains("stopping leftover"), outputOf(stop));
        assertNothingLeft(secondRun);
    }

    @Test
    void configuredServersAreUsedWatchedAndLeftRunning() throws Exception {
        EmbeddedDatabase postgres = TestStack.postgres();
        ElasticsearchNode elasticsearch = TestStack.elasticsearch();
        TcpProxy database = TcpProxy.to("127.0.0.1", postgres.port());
        proxies.add(database);
        environment.putAll(Map.of("IPDEX_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:" + database.port() + "/",
                "IPDEX_POSTGRES_USER", EmbeddedDatabase.USER, "IPDEX_ELASTICSEARCH_URL", elasticsearch.url(),
                "IPDEX_ELASTICSEARCH_INDEX_PREFIX", indexPrefix(), "IPDEX_DEMO_DATA", "false"));

        Process launcher = launch("up");
        String output = awaitOutput(launcher, PORTAL, START);
        assertFalse(output.contains("starting PostgreSQL") || output.contains("starting Elasticsearch"), output);
        assertEquals(4, launcher.descendants().count(), "the four services and nothing else: " + output);
        try (Connection connection = DriverManager.getConnection(postgres.serverUrl() + "postgres",
                EmbeddedDatabase.USER, "");
             ResultSet databases = connection.createStatement().executeQuery(
                     "SELECT datname FROM pg_database WHERE datname LIKE 'ipdex\\_%' ORDER BY datname")) {
            List<String> names = new ArrayList<>();
            while (databases.next()) {
                names.add(databases.getString(1));
            }
            assertEquals(List.of("ipdex_authority", "ipdex_catalog", "ipdex_gateway"), names);
        }

        Http gateway = new Http(find(PORTAL, output));
        String officeKey = createOfficeAndKey(gateway, find(ADMIN_KEY, output));
        Http.Answer registered = gateway.post("/api/v1/catalog/apis", officeKey, "application/yaml", SPEC);
        assertEquals(201, registered.status(), registered.body());
        awaitSearchHit(gateway, "/api/v1/search/apis?q=opposition", registered.json().at("/api/apiId").asText());
        Http.Answer indexed = new Http(elasticsearch.url()).get("/" + indexPrefix() + "apis/_count", null);
        assertEquals(1, indexed.json().get("count").asInt(), "the configured node holds the index: " + indexed.body());

        // readiness as a Kubernetes probe asks it: the services that keep rows are not ready while their database
        // is away, and ready again when it is back
        List<Integer> withDatabase = List.of(ports.get(0), ports.get(1), ports.get(2));
        assertTrue(ports.subList(0, 4).stream().allMatch(LaunchedStackIT::ready), "all four ready at first");
        database.cut();
        await("catalog, authority and gateway say they are not ready",
                () -> withDatabase.stream().noneMatch(LaunchedStackIT::ready));
        assertTrue(ready(ports.get(3)), "search-service keeps no rows: it stays ready");
        database.open();
        await("all four ready again, nobody restarted",
                () -> ports.subList(0, 4).stream().allMatch(LaunchedStackIT::ready));

        List<ProcessHandle> services = processesOf(launcher);
        launcher.destroy();
        assertTrue(launcher.waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "the launcher did not stop on SIGTERM");
        assertNothingLeft(services);
        assertEquals(200, new Http(elasticsearch.url()).get("/_cluster/health", null).status(),
                "a configured Elasticsearch is not ours to stop");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("ipdex_catalog"),
                EmbeddedDatabase.USER, "")) {
            assertTrue(connection.isValid(5), "a configured PostgreSQL is not ours to stop");
        }
    }

    @Test
    void aSpecRegisteredWhileElasticsearchIsDownIsFoundOnceItIsBack() throws Exception {
        TcpProxy elasticsearch = TcpProxy.to("127.0.0.1", TestStack.elasticsearch().port());
        proxies.add(elasticsearch);
        environment.putAll(Map.of("IPDEX_ELASTICSEARCH_URL", elasticsearch.url(),
                "IPDEX_ELASTICSEARCH_INDEX_PREFIX", indexPrefix(), "IPDEX_DEMO_DATA", "false"));
        Process launcher = launch("up");
        String output = awaitOutput(launcher, PORTAL, START);
        Http gateway = new Http(find(PORTAL, output));
        String officeKey = createOfficeAndKey(gateway, find(ADMIN_KEY, output));

        elasticsearch.cut();
        Http.Answer registered = gateway.post("/api/v1/catalog/apis", officeKey, "application/yaml", SPEC);
        assertEquals(201, registered.status(), "registration does not need Elasticsearch: " + registered.body());
        Http.Answer search = gateway.get("/api/v1/search/apis?q=opposition", null);
        assertEquals(503, search.status(), search.body());
        assertTrue(search.contentType().startsWith("application/problem+json"), search.contentType());

        elasticsearch.open();
        awaitSearchHit(gateway, "/api/v1/search/apis?q=opposition", registered.json().at("/api/apiId").asText());
        launcher.destroy();
        assertTrue(launcher.waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "the launcher did not stop on SIGTERM");
    }

    @AfterEach
    void cleanUp(TestInfo test) throws Exception {
        for (Process process : List.copyOf(launched.keySet())) {
            if (process.isAlive()) {
                launch("stop").waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
                signalGroup(process, "KILL");
            }
        }
        proxies.forEach(TcpProxy::close);
        Path logs = Files.createDirectories(Path.of("target", "stack-logs",
                test.getTestMethod().orElseThrow().getName()));
        try (Stream<Path> files = Files.list(home)) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith("launcher-")).toList()) {
                Files.copy(file, logs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (Files.isDirectory(home.resolve("logs"))) {
            try (Stream<Path> files = Files.list(home.resolve("logs"))) {
                for (Path log : files.toList()) {
                    Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> all = Files.walk(home)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The launcher jar that {@code deploy/local/ipdex} runs, with its output in a file of its own. */
    private Process launch(String command) throws IOException {
        Path output = home.resolve("launcher-" + launched.size() + "-" + command + ".out");
        ProcessBuilder builder = new ProcessBuilder("setsid", "env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dipdex.repository=" + repository, "-jar",
                repository.resolve("deploy/local/target/local-stack.jar").toString(), command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        launched.put(process, output);
        return process;
    }

    private String outputOf(Process process) {
        try {
            return Files.readString(launched.get(process));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String awaitOutput(Process launcher, Pattern wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String output = outputOf(launcher);
            if (wanted.matcher(output).find()) {
                return output;
            }
            if (!launcher.isAlive()) {
                return fail("The launcher exited with " + launcher.exitValue() + ":\n" + output);
            }
            Thread.sleep(500);
        }
        return fail("No '" + wanted + "' within " + timeout + ":\n" + outputOf(launcher));
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        assertTrue(matcher.find(), "no " + pattern + " in:\n" + output);
        return matcher.group(1);
    }

    /**
     * The launcher with everything below it, and PostgreSQL with its workers: pg_ctl starts the server in a
     * session of its own, so it is found by its data directory.
     */
    private List<ProcessHandle> processesOf(Process launcher) {
        List<ProcessHandle> all = new ArrayList<>(launcher.descendants().toList());
        all.add(launcher.toHandle());
        String dataDirectory = home.resolve("postgres").toString();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(dataDirectory))
                .forEach(postgres -> {
                    all.add(postgres);
                    all.addAll(postgres.descendants().toList());
                });
        return all;
    }

    private void assertNothingLeft(List<ProcessHandle> processes) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<ProcessHandle> alive = processes;
        List<Integer> busy = ports;
        while (Instant.now().isBefore(deadline)) {
            alive = processes.stream().filter(ProcessHandle::isAlive).toList();
            busy = ports.stream().filter(Ports::inUse).toList();
            if (alive.isEmpty() && busy.isEmpty()) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(List.of(), alive.stream().map(process -> process.pid() + " "
                + process.info().commandLine().orElse("?")).toList(), "processes left running");
        assertEquals(List.of(), busy, "ports still taken");
        try (Stream<Path> pidFiles = Files.list(home.resolve("run"))) {
            assertEquals(List.of(), pidFiles.map(Path::getFileName).map(Path::toString).toList(),
                    "pid files left behind");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signalGroup(Process leader, String signal) throws IOException, InterruptedException {
        // setsid made the launcher the leader of its own process group: -pid names the whole group
        new ProcessBuilder("kill", "-" + signal, "--", "-" + leader.pid()).inheritIO().start().waitFor();
    }

    /** {@code GET /health/readiness} answered 200 within the 3 s the Kubernetes manifests give the probe. */
    private static boolean ready(int port) {
        try {
            HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).build();
            return PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("Not within 90 s: " + what);
            }
            Thread.sleep(500);
        }
    }

    /** The tests that share the harness's Elasticsearch keep to indices of their own. */
    private String indexPrefix() {
        return home.getFileName() + "-";
    }

    /** Without demo data there is no office yet. */
    private static String createOfficeAndKey(Http gateway, String adminKey) {
        Http.Answer office = gateway.post("/api/v1/admin/offices", adminKey, "application/json",
                "{\"code\":\"EP\",\"name\":\"European Patent Office\",\"country\":\"EP\","
                        + "\"contactEmail\":\"patentdata@epo.org\"}");
        assertEquals(201, office.status(), office.body());
        return createOfficeKey(gateway, adminKey);
    }

    private static String createOfficeKey(Http gateway, String adminKey) {
        Http.Answer created = gateway.post("/api/v1/admin/apiKeys", adminKey, "application/json",
                "{\"name\":\"lifecycle\",\"role\":\"office\",\"officeCode\":\"EP\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("apiKey").asText();
    }

    private static List<String> apiIds(Http gateway, String adminKey) {
        Http.Answer page = gateway.get("/api/v1/catalog/apis?limit=200", adminKey);
        assertEquals(200, page.status(), page.body());
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("apiId").asText()));
        return ids;
    }

    private static void awaitSearchHit(Http gateway, String path, String apiId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Optional<String> last = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            Http.Answer answer = gateway.get(path, null);
            last = Optional.of(answer.body());
            if (answer.status() == 200) {
                for (JsonNode item : answer.json().get("items")) {
                    if (apiId.equals(item.path("apiId").asText())) {
                        return;
                    }
                }
            }
            Thread.sleep(300);
        }
        fail("No hit for " + apiId + " at " + path + "; last answer: " + last.orElse("none"));
    }
}
