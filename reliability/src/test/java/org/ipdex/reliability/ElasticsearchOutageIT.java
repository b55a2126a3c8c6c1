package org.ipdex.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Elasticsearch is stopped (the node process, cleanly, as an operator's restart would) for
 * {@code ipdex.faults.elasticsearch-outage} while an office registers specs and uploads an authority edition. Every
 * write answers 2xx — PostgreSQL is the truth and search only a view — searches answer 503 problems meanwhile, and
 * once the node is back search catches up by itself: every spec found, the edition live with its count.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchOutageIT {

    private static final String OFFICE = "EP";
    private FaultStack stack;
    private Client admin;
    private Client office;

    @BeforeAll
    void connect(FaultStack stack) throws InterruptedException {
        this.stack = stack;
        admin = Fixtures.admin(stack);
        office = Fixtures.office(stack, OFFICE);
        Parity.awaitZero(admin);
    }

    @Test
    void writesSucceedWhileElasticsearchIsStoppedAndSearchCatchesUpOnceItIsBack() throws Exception {
        Duration outage = Fixtures.setting("elasticsearch-outage", "20s");
        int specs = (int) Fixtures.number("specs", 20);
        long records = Fixtures.number("edition-records", 10_000);
        String run = "Outage" + System.currentTimeMillis();

        Instant stopped = Instant.now();
        stack.stopElasticsearch();
        log("Elasticsearch stopped in " + since(stopped));

        List<String> apiIds = new ArrayList<>();
        long slowest = 0;
        for (int i = 0; i < specs; i++) {
            Client.Answer registered = Fixtures.register(office, run + " register " + i);
            assertEquals(201, registered.status(), "registration " + i + " while Elasticsearch is away: " + registered);
            apiIds.add(registered.json().at("/api/apiId").asText());
            slowest = Math.max(slowest, registered.elapsed().toMillis());
        }
        Client.Answer uploaded = office.send(Fixtures.upload(office, OFFICE, records, 11, true));
        assertEquals(201, uploaded.status(), "upload while Elasticsearch is away: " + uploaded);
        long editionId = uploaded.json().at("/edition/editionId").asLong();
        log(specs + " specs registered (slowest " + slowest + " ms) and edition " + editionId + " of " + records
                + " records activated in " + uploaded.elapsed().toMillis() + " ms, Elasticsearch away");

        Client.Answer search = admin.get("/api/v1/search/apis?q=register");
        assertEquals(503, search.status(), "a search while the index is away: " + search);
        assertTrue(search.contentType().startsWith("application/problem+json"), search.contentType());

        Duration left = outage.minus(Duration.between(stopped, Instant.now()));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
        Instant restarting = Instant.now();
        stack.startElasticsearch();
        Instant back = Instant.now();
        log("Elasticsearch stopped for " + Duration.between(stopped, restarting).toSeconds() + " s, took "
                + Duration.between(restarting, back).toSeconds() + " s to start again");

        Duration catchUp = Parity.awaitZero(admin);
        Set<String> found = new HashSet<>();
        for (JsonNode hit : admin.ok(admin.get("/api/v1/search/apis?limit=100&q=" + run), "search").get("items")) {
            found.add(hit.get("apiId").asText());
        }
        assertTrue(found.containsAll(apiIds), "every spec registered during the outage is found: " + found);
        assertEquals(records, Fixtures.activeRecords(admin, OFFICE), "the edition is the active set");
        log("FIGURES outage " + Duration.between(stopped, restarting).toSeconds() + " s, node start "
                + Duration.between(restarting, back).toSeconds() + " s, search caught up (parity zero) "
                + catchUp.toMillis() + " ms after the node was back; search unavailable for "
                + Duration.between(stopped, back.plus(catchUp)).toSeconds() + " s in all");
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    private static void log(String message) {
        Fixtures.log("ElasticsearchOutageIT", message);
    }
}
