package org.ipdex.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.stack.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL is stopped ({@code pg_ctl stop -m fast}: every session ends, open transactions roll back) and started
 * again on the same data while writers register specs and rewrite an office profile through the gateway, and an
 * authority edition is being read. Every acknowledged (2xx) write must be there exactly once afterwards, every other
 * one must have got a 503 problem within the gateway's timeout, the edition must end failed or active, and every
 * service must become ready again by itself.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRestartIT {

    private static final String OFFICE = "FR";
    private static final long FIRST_RECORDS = 1_000;
    /** The gateway's backend timeout (10 s) and the time to write the problem: nothing may take longer. */
    private static final Duration NO_HANG = Duration.ofSeconds(15);

    private FaultStack stack;
    private Client admin;
    private Client office;

    /** One write through the gateway and what it answered. */
    private record Write(String kind, String label, Client.Answer answer, Instant at) {
    }

    @BeforeAll
    void connect(FaultStack stack) throws InterruptedException {
        this.stack = stack;
        admin = Fixtures.admin(stack);
        office = Fixtures.office(stack, OFFICE);
        Client.Answer first = office.send(Fixtures.upload(office, OFFICE, FIRST_RECORDS, 21, true));
        assertEquals(201, first.status(), first.toString());
        Parity.awaitZero(admin);
    }

    @Test
    void aRestartUnderWriteLoadLosesNoAcknowledgedWriteAndEveryServiceRecoversByItself() throws Exception {
        Duration outage = Fixtures.setting("postgres-outage", "5s");
        long bigRecords = Fixtures.number("big-edition-records", 300_000);
        int writers = (int) Fixtures.number("load-writers", 2);
        String run = "Load" + System.currentTimeMillis();

        List<Write> writes = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    String label = run + " w" + writer + " n" + i;
                    if (writer == 0 && i % 2 == 1) {
                        writes.add(new Write("profile", label, admin.put("/api/v1/catalog/offices/" + OFFICE,
                                "application/json", "{\"name\":\"Office " + OFFICE + "\",\"country\":\"" + OFFICE
                                        + "\",\"contactName\":\"" + label + "\"}"), Instant.now()));
                    } else {
                        writes.add(new Write("spec", label, Fixtures.register(office, label), Instant.now()));
                    }
                }
            }, "writer-" + w);
            thread.start();
            threads.add(thread);
        }

        Client.Answer accepted = office.send(Fixtures.upload(office, OFFICE, bigRecords, 22, false));
        assertEquals(202, accepted.status(), accepted.toString());
        long editionId = accepted.json().at("/edition/editionId").asLong();
        JsonNode reading = Fixtures.await(admin, "/api/v1/authority/editions/" + editionId,
                edition -> edition.path("progress").path("rowsDone").asLong() > 0
                        || !edition.get("status").asText().equals("ingesting"), Duration.ofMinutes(2));
        assertEquals("ingesting", reading.get("status").asText(), "the edition ended before the restart");

        Instant stopping = Instant.now();
        stack.stopPostgres();
        Instant stopped = Instant.now();
        Thread.sleep(outage.toMillis());
        stack.startPostgres();
        Instant back = Instant.now();
        Duration ready = awaitAllReady(back);
        // a little more load on the recovered stack, then stop
        Thread.sleep(3_000);
        writing.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        log("PostgreSQL stopped in " + Duration.between(stopping, stopped).toMillis() + " ms, down "
                + Duration.between(stopped, back).toMillis() + " ms; every service ready " + ready.toMillis()
                + " ms after it was back");

        checkAnswers(writes);
        List<String> acknowledgedSpecs = checkSpecs(writes);
        checkProfile(writes);
        JsonNode ended = Fixtures.await(admin, "/api/v1/authority/editions/" + editionId,
                edition -> !edition.get("status").asText().equals("ingesting"), Duration.ofMinutes(3));
        String status = ended.get("status").asText();
        assertTrue(status.equals("failed") || status.equals("active"), "the edition ended " + ended);
        assertEquals(status.equals("active") ? bigRecords : FIRST_RECORDS, Fixtures.activeRecords(admin, OFFICE),
                "the active set after an edition that ended " + status);
        Duration parity = Parity.awaitZero(admin);

        Map<String, Long> answers = writes.stream().collect(Collectors.groupingBy(
                write -> write.answer().status() + "", TreeMap::new, Collectors.counting()));
        List<Write> failed = writes.stream().filter(write -> !write.answer().ok()).toList();
        long slowest = writes.stream().mapToLong(write -> write.answer().elapsed().toMillis()).max().orElse(0);
        log("FIGURES " + writes.size() + " writes by " + writers + " writers, answers " + answers + " ("
                + acknowledgedSpecs.size() + " specs acknowledged), slowest answer " + slowest + " ms; writes failed "
                + (failed.isEmpty() ? "never" : "from " + Duration.between(stopping, failed.get(0).at()).toMillis()
                + " ms to " + Duration.between(stopping, failed.get(failed.size() - 1).at()).toMillis()
                + " ms after the stop") + "; PostgreSQL down " + Duration.between(stopped, back).toMillis()
                + " ms, all ready " + ready.toMillis() + " ms after it was back; edition " + editionId + " ended "
                + status + "; parity zero " + parity.toMillis() + " ms later");
    }

    /** Every write answered, within the gateway's timeout: 2xx, or a 503 problem document (an outage, not a defect). */
    private static void checkAnswers(List<Write> writes) {
        for (Write write : writes) {
            Client.Answer answer = write.answer();
            assertTrue(answer.status() != 0, write.label() + " got no answer: " + answer);
            assertTrue(answer.elapsed().compareTo(NO_HANG) < 0, write.label() + " hung: " + answer);
            if (!answer.ok()) {
                assertEquals(503, answer.status(), write.label() + ": " + answer);
                assertTrue(answer.contentType().startsWith("application/problem+json"), write.label() + ": " + answer);
            }
        }
    }

    /**
     * Every acknowledged registration is there exactly once, as version 1, and the feed announced it once per
     * revision; a registration that failed is there at most once. @return the acknowledged API ids
     */
    private List<String> checkSpecs(List<Write> writes) throws Exception {
        Map<String, Integer> titles = new HashMap<>();
        String cursor = "";
        do {
            JsonNode page = admin.ok(admin.get("/api/v1/catalog/apis?limit=200&office=" + OFFICE + cursor), "list");
            page.get("items").forEach(api -> titles.merge(api.get("title").asText(), 1, Integer::sum));
            cursor = page.path("next").isTextual() ? "&cursor=" + page.get("next").asText() : "";
        } while (!cursor.isEmpty());
        List<String> acknowledged = new ArrayList<>();
        for (Write write : writes) {
            if (!write.kind().equals("spec")) {
                continue;
            }
            int copies = titles.getOrDefault(write.label(), 0);
            if (write.answer().ok()) {
                assertEquals(1, copies, "an acknowledged registration is there once: " + write.label());
                String apiId = write.answer().json().at("/api/apiId").asText();
                JsonNode versions = admin.ok(admin.get("/api/v1/catalog/apis/" + apiId + "/versions"), "versions");
                assertEquals(1, versions.size(), apiId + ": " + versions);
                acknowledged.add(apiId);
            } else {
                assertTrue(copies <= 1, "a failed registration is there " + copies + " times: " + write.label());
            }
        }
        assertTrue(!acknowledged.isEmpty(), "no registration was acknowledged at all");
        checkFeed(acknowledged);
        return acknowledged;
    }

    /**
     * The catalog's change feed, read where it is written: each API's revisions 1, 2, … in order, none skipped, none
     * announced after a later one.
     */
    private void checkFeed(List<String> apiIds) throws Exception {
        Map<String, List<Long>> versions = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("ipdex_catalog"),
                EmbeddedDatabase.USER, "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT key, version FROM change_feed WHERE type = 'api.upserted' AND key = ANY(?) ORDER BY seq")) {
            query.setArray(1, connection.createArrayOf("text", apiIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
        }
        for (String apiId : apiIds) {
            List<Long> seen = versions.getOrDefault(apiId, List.of());
            assertTrue(!seen.isEmpty(), apiId + " was never announced on the feed");
            assertEquals(1L, seen.get(0), apiId + ": feed versions " + seen);
            // an office's first profile re-announces its APIs at their revision (search accepts an equal version)
            for (int i = 1; i < seen.size(); i++) {
                long step = seen.get(i) - seen.get(i - 1);
                assertTrue(step == 0 || step == 1, apiId + ": feed versions " + seen);
            }
        }
    }

    /** The profile holds the last acknowledged write, or one that came after it (answered 503, applied anyway). */
    private void checkProfile(List<Write> writes) {
        List<String> profiles = writes.stream().filter(write -> write.kind().equals("profile"))
                .map(Write::label).toList();
        int lastAcknowledged = -1;
        for (int i = 0; i < profiles.size(); i++) {
            String label = profiles.get(i);
            if (writes.stream().anyMatch(write -> write.label().equals(label) && write.answer().ok())) {
                lastAcknowledged = i;
            }
        }
        assertTrue(lastAcknowledged >= 0, "no profile write was acknowledged");
        String now = admin.ok(admin.get("/api/v1/catalog/offices/" + OFFICE), "profile").get("contactName").asText();
        int current = profiles.indexOf(now);
        assertTrue(current >= lastAcknowledged, "the profile says " + now + ", the last acknowledged write was "
                + profiles.get(lastAcknowledged));
    }

    /** Each service's readiness (its database, or Elasticsearch) answered 200 again, nobody restarted. */
    private Duration awaitAllReady(Instant from) throws InterruptedException {
        List<Client> probes = new ArrayList<>();
        for (FaultStack.Service service : FaultStack.Service.values()) {
            probes.add(new Client(stack.url(service), null));
        }
        while (!probes.stream().allMatch(probe -> probe.get("/health/readiness").status() == 200)) {
            assertTrue(Duration.between(from, Instant.now()).compareTo(Duration.ofMinutes(2)) < 0,
                    "not every service is ready again");
            Thread.sleep(200);
        }
        for (FaultStack.Service service : FaultStack.Service.values()) {
            assertTrue(stack.isAlive(service), service + " is not running any more");
        }
        return Duration.between(from, Instant.now());
    }

    private static void log(String message) {
        Fixtures.log("PostgresRestartIT", message);
    }
}
