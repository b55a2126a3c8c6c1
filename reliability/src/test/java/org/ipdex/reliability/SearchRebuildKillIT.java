package org.ipdex.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * search-service is killed with SIGKILL in the middle of a rebuild of the catalog indices — while it copies the
 * feed into the new indices, in the swap window just before the alias move (its live consumers paused), and just
 * after the alias move, before the old indices are dropped — and started again. The aliases must point at complete
 * indices, searches answer, no index nobody points at stays behind, parity is zero, and a rebuild goes through.
 *
 * <p>Each window is milliseconds wide in a real rebuild; search-service's test-only holds
 * ({@code ipdex.rebuild.hold-while-copying}, {@code hold-before-swap}) and a long {@code drop-delay} widen them, for
 * the run that is killed only.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRebuildKillIT {

    private static final String OFFICE = "DE";
    private static final Duration HOLD = Duration.ofMinutes(3);
    private FaultStack stack;
    private Client admin;
    private Client elasticsearch;

    @BeforeAll
    void connect(FaultStack stack) throws InterruptedException {
        this.stack = stack;
        admin = Fixtures.admin(stack);
        elasticsearch = new Client(stack.elasticsearchUrl(), null);
        Client office = Fixtures.office(stack, OFFICE);
        for (int i = 0; i < 30; i++) {
            Client.Answer registered = Fixtures.register(office, "Rebuild register " + i);
            assertEquals(201, registered.status(), registered.toString());
        }
        Parity.awaitZero(admin);
    }

    /** {@code ipdex.faults.rebuild-windows}: the short run takes the swap window only. */
    static Stream<String> windows() {
        return Arrays.stream(System.getProperty("ipdex.faults.rebuild-windows",
                "while copying,before the alias move,after the alias move").split(",")).map(String::strip);
    }

    @ParameterizedTest(name = "killed {0}")
    @MethodSource("windows")
    void aRebuildKilledHalfWayLeavesCompleteIndicesBehindTheAliasesAndNothingElse(String window) throws Exception {
        stack.kill(FaultStack.Service.SEARCH);
        stack.start(FaultStack.Service.SEARCH, switch (window) {
            // pages of 5 events: the hold comes after the first of many, the new indices are half-filled
            case "while copying" -> Map.of("IPDEX_REBUILD_HOLD_WHILE_COPYING", HOLD.toSeconds() + "s",
                    "IPDEX_CONSUME_BATCH_SIZE", "5");
            case "before the alias move" -> Map.of("IPDEX_REBUILD_HOLD_BEFORE_SWAP", HOLD.toSeconds() + "s");
            default -> Map.of("IPDEX_REBUILD_DROP_DELAY", HOLD.toSeconds() + "s");
        });
        Parity.awaitZero(admin);
        Set<String> liveApis = aliased("apis");
        Set<String> liveOperations = aliased("operations");

        JsonNode started = admin.ok(admin.post("/api/v1/search/rebuilds", "application/json", ""), "rebuild");
        String rebuild = "/api/v1/search/rebuilds/" + started.get("rebuildId").asText();
        String newApis = started.at("/indices/apis").asText();
        switch (window) {
            case "while copying" -> Fixtures.await(admin, rebuild, status -> status.get("state").asText()
                    .equals("building") && status.at("/feeds/0/applied").asLong() > 0, Duration.ofMinutes(3));
            case "before the alias move" -> Fixtures.await(admin, rebuild,
                    status -> status.get("state").asText().equals("swapping"), Duration.ofMinutes(3));
            default -> awaitAliased("apis", newApis);
        }
        Instant killed = Instant.now();
        assertEquals(137, stack.kill(FaultStack.Service.SEARCH), "killed by SIGKILL");
        log("killed " + window + ": " + admin.get(rebuild));

        stack.start(FaultStack.Service.SEARCH);
        Duration down = awaitSearchAnswers(killed);
        if (window.equals("after the alias move")) {
            assertEquals(Set.of(newApis), aliased("apis"), "the alias move was done before the kill");
        } else {
            assertEquals(liveApis, aliased("apis"), "the alias stays on the live index");
            assertEquals(liveOperations, aliased("operations"));
        }
        Duration cleaned = awaitNoOrphans();
        long apis = count("apis");
        Duration parity = Parity.awaitZero(admin);
        assertEquals(apis, catalogSize(), "the index behind the alias holds the whole catalogue");

        JsonNode again = admin.ok(admin.post("/api/v1/search/rebuilds", "application/json", ""), "rebuild");
        String next = "/api/v1/search/rebuilds/" + again.get("rebuildId").asText();
        JsonNode done = Fixtures.await(admin, next, status -> !status.get("state").asText().equals("building")
                && !status.get("state").asText().equals("swapping"), Duration.ofMinutes(5));
        assertEquals("done", done.get("state").asText(), done.toString());
        assertNotEquals(liveApis, aliased("apis"));
        awaitNoOrphans();
        Parity.awaitZero(admin);
        log("FIGURES killed " + window + ": searches answered again " + down.toMillis() + " ms after the kill, "
                + "orphans gone " + cleaned.toMillis() + " ms later, parity zero after " + parity.toMillis()
                + " ms more; a new rebuild took " + Duration.between(Instant.parse(done.get("startedAt").asText()),
                Instant.parse(done.get("finishedAt").asText())).toMillis() + " ms");
    }

    /** The concrete indices behind an alias, straight from Elasticsearch. */
    private Set<String> aliased(String alias) {
        Client.Answer answer = elasticsearch.get("/_alias/" + alias);
        assertEquals(200, answer.status(), answer.toString());
        Set<String> names = new TreeSet<>();
        answer.json().fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Set<String> matching(String pattern) {
        Set<String> names = new TreeSet<>();
        for (JsonNode index : elasticsearch.ok(elasticsearch.get("/_cat/indices/" + pattern + "?format=json&h=index"),
                "indices")) {
            names.add(index.get("index").asText());
        }
        return names;
    }

    private long count(String alias) {
        return elasticsearch.ok(elasticsearch.get("/" + alias + "/_count"), "count").get("count").asLong();
    }

    private long catalogSize() {
        long total = 0;
        String cursor = "";
        do {
            JsonNode page = admin.ok(admin.get("/api/v1/catalog/apis?limit=200" + cursor), "catalog");
            total += page.get("items").size();
            cursor = page.path("next").isTextual() ? "&cursor=" + page.get("next").asText() : "";
        } while (!cursor.isEmpty());
        return total;
    }

    private void awaitAliased(String alias, String index) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!aliased(alias).contains(index)) {
            assertTrue(Instant.now().isBefore(deadline), "the alias never moved onto " + index);
            Thread.sleep(50);
        }
    }

    private Duration awaitNoOrphans() throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofMinutes(3));
        while (true) {
            Set<String> apis = matching("apis-v*");
            Set<String> operations = matching("operations-v*");
            if (apis.equals(aliased("apis")) && operations.equals(aliased("operations"))) {
                return Duration.between(start, Instant.now());
            }
            assertTrue(Instant.now().isBefore(deadline), "indices nobody points at stay: " + apis + " " + operations);
            Thread.sleep(500);
        }
    }

    private Duration awaitSearchAnswers(Instant start) throws InterruptedException {
        while (admin.get("/api/v1/search/apis?q=register").status() != 200) {
            assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofMinutes(3)) < 0,
                    "searches do not answer after the restart");
            Thread.sleep(100);
        }
        return Duration.between(start, Instant.now());
    }

    private static void log(String message) {
        Fixtures.log("SearchRebuildKillIT", message);
    }
}
