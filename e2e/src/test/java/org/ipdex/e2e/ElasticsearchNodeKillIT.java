package org.ipdex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.stack.ElasticsearchCluster;
import org.ipdex.stack.ElasticsearchNode;
import org.ipdex.stack.LocalStack;
import org.ipdex.stack.Parity;
import org.ipdex.stack.Ports;
import org.ipdex.stack.StackSettings;
import org.ipdex.stack.TestStack;
import org.ipdex.testdata.Layout;
import org.ipdex.testdata.RecordGenerator;
import org.ipdex.testdata.SmallSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue #9: the whole product on a three-node Elasticsearch cluster (the harness's), one node killed with SIGKILL
 * while a million-record authority edition is being indexed and searches arrive through the gateway at a constant
 * rate. The victim is the node holding the primary of the index being built (which has no replica while it is
 * written), so the build itself is lost and must start again by itself; the live indices have a replica on another
 * node, so searches must go on. Then the node comes back on its data and the cluster must be green by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchNodeKillIT {

    private static final String OFFICE = "EP";
    private static final LocalDate PRODUCED_ON = LocalDate.of(2025, 6, 30);
    private static final long FIRST_RECORDS = 1_000;
    private static final long BIG_RECORDS = 1_000_000;
    /** Well into the build: the index exists, its primary is placed, most of the edition is still to come. */
    private static final long KILL_AFTER_DOCS = 100_000;
    private static final int SEARCHES_PER_SECOND = 25;
    /**
     * A SIGKILLed node's sockets are closed by the kernel at once, so the master removes it and promotes the replicas
     * within a cluster-state update, and the REST client retries a request refused by the dead node on the next one.
     * What can fail is what was in flight on that node: searches it coordinated or was answering. Measured: the
     * README's fault-test figures and the test's output.
     */
    private static final Duration FAILURE_WINDOW_BOUND = Duration.ofSeconds(10);
    /**
     * A node rejoining on its data recovers its copies from the translog and changed files, not from scratch: seconds
     * on an idle machine; the bound leaves room for two cores that other builds keep busy.
     */
    private static final Duration GREEN_BOUND = Duration.ofMinutes(5);
    /** On the busy machine a restarted node took 1.5 min before it logged its first line. */
    private static final Duration RESTART = Duration.ofMinutes(8);
    private static final Duration INDEXED = Duration.ofMinutes(12);
    private static final String SPEC = SmallSpec.titled("Opposition Register");

    private final HttpClient http = HttpClient.newHttpClient();
    private ElasticsearchCluster cluster;
    private LocalStack stack;
    private Path home;
    private Http gateway;
    private String officeKey;

    @BeforeAll
    void startTheProductOnACluster() throws IOException {
        cluster = TestStack.elasticsearchCluster(3);
        log("the cluster of " + cluster.names() + " started in " + cluster.startTime().toMillis() + " ms");
        // under /tmp: Elasticsearch runs as its own user when the build runs as root
        home = Files.createTempDirectory(Path.of("/tmp"), "ipdex-node-kill-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path repository = Path.of(System.getProperty("ipdex.repository", "..")).toAbsolutePath().normalize();
        stack = LocalStack.start(new StackSettings(home, repository, new StackSettings.Ports(Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free()), Optional.empty(),
                Optional.of(cluster.urls()), "512m", false));
        gateway = new Http(stack.gatewayUrl());
        Http.Answer office = gateway.post("/api/v1/admin/offices", stack.adminKey(), "application/json",
                "{\"code\":\"EP\",\"name\":\"European Patent Office\",\"country\":\"EP\","
                        + "\"contactEmail\":\"patentdata@epo.org\"}");
        assertEquals(201, office.status(), office.body());
        Http.Answer key = gateway.post("/api/v1/admin/apiKeys", stack.adminKey(), "application/json",
                "{\"name\":\"node kill\",\"role\":\"office\",\"officeCode\":\"EP\"}");
        assertEquals(201, key.status(), key.body());
        officeKey = key.json().get("apiKey").asText();
    }

    @AfterAll
    void stopTheProduct() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (cluster == null) {
            return;
        }
        for (ElasticsearchNode node : cluster.nodes()) {
            if (!node.isAlive()) {
                node.restart(RESTART);
            }
        }
        // the cluster is the harness's, shared with later test classes: leave it as it was found
        http.send(HttpRequest.newBuilder(URI.create(liveNode() + "/apis*,operations*,authority*,ipdex-checkpoints*"))
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        Path logs = Files.createDirectories(Path.of("target", "stack-logs", "node-kill"));
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            for (Path log : files.toList()) {
                Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Stream<Path> all = Files.walk(home)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aNodeKilledWhileAMillionRecordsAreIndexedCostsOnlyAShortWindowOfSearchesAndComesBackGreenByItself()
            throws Exception {
        Http.Answer registered = gateway.post("/api/v1/catalog/apis", officeKey, "application/yaml", SPEC);
        assertEquals(201, registered.status(), registered.body());
        long first = upload(FIRST_RECORDS, 1, true, 201);
        awaitLive(first, FIRST_RECORDS, Duration.ofMinutes(5));
        String numberKey = new RecordGenerator(OFFICE, FIRST_RECORDS, 1, PRODUCED_ON).next().numberKey();
        List<String> searches = List.of("/api/v1/search/apis?q=opposition", "/api/v1/search/operations?q=oppositions",
                "/api/v1/search/authority?q=" + numberKey);
        for (String search : searches) {
            awaitHits(search);
        }

        ElasticsearchNode victim;
        Instant killedAt;
        Instant uploaded;
        List<SearchLoad.Outcome> outcomes;
        try (SearchLoad load = new SearchLoad(stack.gatewayUrl(), stack.adminKey(), searches)) {
            load.start(SEARCHES_PER_SECOND, Duration.ofMinutes(15));
            Thread.sleep(3_000);
            uploaded = Instant.now();
            long big = upload(BIG_RECORDS, 2, false, 202);
            String building = "authority-ep-e" + big;
            awaitIndexed(building, KILL_AFTER_DOCS);
            victim = cluster.node(primaryOf(building));
            log("killing " + victim.name() + " (master: " + master() + "), primaries on it: "
                    + primariesOn(victim.name()));
            killedAt = Instant.now();
            victim.kill();
            log("killed " + victim.name() + " in " + Duration.between(killedAt, Instant.now()).toMillis() + " ms");
            Instant live = awaitLive(big, BIG_RECORDS, INDEXED);
            log("edition of " + BIG_RECORDS + " live " + Duration.between(uploaded, live).toMillis()
                    + " ms after its upload began");
            Thread.sleep(3_000);
            outcomes = load.stop();
            assertSearchAgreesWithTheDatabases(big, BIG_RECORDS);
        }

        List<SearchLoad.Outcome> failed = outcomes.stream().filter(SearchLoad.Outcome::failed).toList();
        failed.forEach(outcome -> log("  failed " + outcome.status() + " sent "
                + Duration.between(killedAt, outcome.sent()).toMillis() + " ms after the kill, answered in "
                + outcome.millis() + " ms: " + outcome.path() + " " + outcome.failure()));
        // Answered before the kill, a failure cannot be the kill's: on two cores the million-row upload and the
        // start of its indexing leave Elasticsearch too little CPU, and search-service sheds what it cannot
        // answer in time (query.SearchLimiter). That must be the deliberate 503 and nothing else; it is reported.
        Instant finished = killedAt;
        List<SearchLoad.Outcome> shed = failed.stream()
                .filter(outcome -> outcome.sent().plusMillis(outcome.millis()).isBefore(finished)).toList();
        List<SearchLoad.Outcome> byTheKill = failed.stream().filter(outcome -> !shed.contains(outcome)).toList();
        Duration window = SearchLoad.failureWindow(byTheKill);
        log(outcomes.size() + " searches, by status " + SearchLoad.byStatus(outcomes) + ", p50 "
                + SearchLoad.percentile(outcomes, 0.5) + " ms, p99 " + SearchLoad.percentile(outcomes, 0.99)
                + " ms; shed before the kill " + shed.size() + " in " + SearchLoad.failureWindow(shed).toMillis()
                + " ms (from " + (shed.isEmpty() ? 0 : Duration.between(uploaded, shed.get(0).sent()).toMillis())
                + " ms after the upload began); failed from the kill on " + byTheKill.size() + ", window "
                + window.toMillis() + " ms");
        assertEquals(List.of(), outcomes.stream().filter(outcome -> !outcome.failed() && outcome.status() != 200)
                .toList(), "every search answered 200 or failed");
        assertEquals(List.of(), shed.stream().filter(outcome -> outcome.status() != 503
                || !outcome.failure().contains("Search is busy")).toList(), "before the kill only load is shed");
        assertTrue(window.compareTo(FAILURE_WINDOW_BOUND) <= 0, "searches failed for " + window.toMillis() + " ms");

        Instant restarted = Instant.now();
        victim.restart(RESTART);
        Duration green = cluster.awaitGreen(GREEN_BOUND);
        log(victim.name() + " restarted on its data in " + Duration.between(restarted, Instant.now()).minus(green)
                .toMillis() + " ms; green " + green.toMillis() + " ms after it was up");
        JsonNode settings = es("/authority-ep/_settings?flat_settings=true");
        assertEquals("0-1", settings.elements().next().at("/settings/index.auto_expand_replicas").asText(),
                settings.toString());
        assertEquals(List.of("p STARTED", "r STARTED"), cat("/_cat/shards/authority-ep?h=prirep,state").stream()
                .map(row -> String.join(" ", row)).sorted().toList(), "the live edition has its replica");
        JsonNode health = es("/_cluster/health");
        assertEquals(0, health.get("unassigned_shards").asInt(), health.toString());
        assertEquals(2 * health.get("active_primary_shards").asInt(), health.get("active_shards").asInt(),
                "every primary has one replica again: " + health);
    }

    /**
     * The one place where the search side is compared with the databases behind it: every authority record of the
     * active edition is in the index, and every API is indexed at its latest version. The parity check of issue 9
     * belongs here once it is merged.
     */
    private void assertSearchAgreesWithTheDatabases(long editionId, long records) {
        long inDatabase = 0;
        for (JsonNode row : get("/api/v1/authority/statistics?office=" + OFFICE).get("rows")) {
            assertEquals(editionId, row.get("editionId").asLong(), row.toString());
            inDatabase += row.get("records").asLong();
        }
        assertEquals(records, inDatabase, "records of the active edition in PostgreSQL");
        assertEquals(records, es("/authority-ep/_count").get("count").asLong(), "documents in authority-ep");
        assertEquals(records, es("/authority/_count").get("count").asLong(), "documents behind authority");

        // the product's own check: every API version and operation, and the edition's count and number checksum
        Parity.Report parity = Parity.await(stack.gatewayUrl(), stack.adminKey(), Duration.ofMinutes(2));
        assertTrue(parity.zero(), parity.describe());
    }

    private long upload(long records, long seed, boolean wait, int expectedStatus) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/authority/offices/"
                        + OFFICE + "/editions?layout=" + Layout.EPO_CSV.id() + "&wait=" + wait))
                .header("Authorization", "Bearer " + officeKey).header("Content-Type", "text/csv")
                .POST(GeneratedFile.epoCsv(OFFICE, records, seed, PRODUCED_ON)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, answer.statusCode(), answer.body());
        return new Http.Answer(answer.statusCode(), "", answer.body()).json().at("/edition/editionId").asLong();
    }

    /** The feeds are asynchronous: until the search finds something (it finds nothing before). */
    private void awaitHits(String search) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        Http.Answer answer = null;
        while (Instant.now().isBefore(deadline)) {
            answer = gateway.get(search, stack.adminKey());
            if (answer.status() == 200 && !answer.json().get("items").isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        fail("No hit for " + search + "; last answer: " + answer);
    }

    /** Until the index being built has taken {@code documents} (its primaries' indexing count: it is not refreshed). */
    private void awaitIndexed(String index, long documents) throws InterruptedException {
        Instant deadline = Instant.now().plus(INDEXED);
        while (Instant.now().isBefore(deadline)) {
            Http.Answer stats = new Http(liveNode()).get("/" + index + "/_stats/indexing", null);
            if (stats.status() == 200
                    && stats.json().at("/_all/primaries/indexing/index_total").asLong() >= documents) {
                return;
            }
            Thread.sleep(100);
        }
        fail(index + " did not reach " + documents + " documents within " + INDEXED);
    }

    /** Until {@code authority-ep} points at the edition's index and holds all its records; returns when. */
    private Instant awaitLive(long editionId, long records, Duration timeout) throws InterruptedException {
        String index = "authority-ep-e" + editionId;
        Instant deadline = Instant.now().plus(timeout);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            Http.Answer alias = new Http(liveNode()).get("/_alias/authority-ep", null);
            last = alias.body();
            if (alias.status() == 200 && alias.json().has(index)
                    && es("/authority-ep/_count").get("count").asLong() == records) {
                return Instant.now();
            }
            Thread.sleep(250);
        }
        return fail(index + " not live with " + records + " records within " + timeout + "; alias: " + last);
    }

    private String primaryOf(String index) {
        return cat("/_cat/shards/" + index + "?h=prirep,node").stream().filter(row -> row[0].equals("p"))
                .map(row -> row[1]).findFirst().orElseThrow(() -> new AssertionError("no primary of " + index));
    }

    private List<String> primariesOn(String node) {
        return cat("/_cat/shards?h=index,prirep,node").stream()
                .filter(row -> row.length == 3 && row[1].equals("p") && row[2].equals(node)).map(row -> row[0]).toList();
    }

    private String master() {
        return cat("/_cat/master?h=node").get(0)[0];
    }

    private List<String[]> cat(String path) {
        Http.Answer answer = new Http(liveNode()).get(path, null);
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return answer.body().lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+")).toList();
    }

    private JsonNode es(String path) {
        Http.Answer answer = new Http(liveNode()).get(path, null);
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return answer.json();
    }

    private JsonNode get(String path) {
        Http.Answer answer = gateway.get(path, stack.adminKey());
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return answer.json();
    }

    private String liveNode() {
        return cluster.nodes().stream().filter(ElasticsearchNode::isAlive).map(ElasticsearchNode::url).findFirst()
                .orElseThrow();
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " ElasticsearchNodeKillIT: " + message);
    }
}
