package org.ipdex.authority.edition;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.ipdex.authority.AuthorityApi;
import org.ipdex.authority.AuthorityTest;
import org.ipdex.authority.ingest.IngestRecovery;
import org.ipdex.authority.record.PoolConnections;
import org.ipdex.testdata.AuthorityFileWriter;
import org.ipdex.testdata.Layout;
import org.ipdex.testdata.RecordGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editions of one office over time — full, incremental, differential — and what readers see of them: look-up,
 * listing, statistics, export, diffs, the feed. The steps build on each other, so they run in order.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditionLifecycleTest extends AuthorityTest {

    private static final String FULL = """
            country;doc-number;kind;date;exception-code
            EP;1000000;A1;20000105;
            EP;1000000;B1;20030312;
            EP;1000001;A1;20000105;
            EP;1000002;A2;20000112;
            EP;1000003;A1;20010601;W
            EP;1000005;B1;20030312;
            """;
    private static final String INCREMENTAL = """
            EP;1000004;A1;20020202;
            EP;1000001;A1;20000106;
            """;
    private static final String DIFFERENTIAL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <authority-file country="EP" date-produced="20240701">
              <authority-file-definition update-af-category="differential"/>
              %s
            </authority-file>
            """.formatted(String.join("\n",
            entry("delete", "1000002", "A2", ""), entry("", "1000002", "A1", "20000112"),
            entry("delete", "1000005", "B1", ""), entry("", "1000006", "B1", "20040404"),
            entry("", "1000003", "A1", "20010601")));

    @Inject
    PoolConnections connections;
    @Inject
    IngestRecovery recovery;

    long full;
    long incremental;
    long differential;

    @BeforeAll
    void setUp() {
        AuthorityApi.Answer us = api.upload("US", "layout=uspto-tsv&wait=true", AuthorityApi.resource("us.tsv"));
        assertEquals(201, us.status(), us.body());
    }

    @Test
    @Order(1)
    void aFullEditionThenAnIncrementalThenADifferentialBuildOneSet() {
        AuthorityApi.Answer first = api.upload("EP", "layout=epo-csv&wait=true", bytes(FULL));
        assertEquals(201, first.status(), first.body());
        full = first.editionId();
        assertEquals(6, activeCount("EP"));

        AuthorityApi.Answer second = api.upload("EP", "layout=epo-csv&category=incremental&wait=true", bytes(INCREMENTAL));
        assertEquals(201, second.status(), second.body());
        incremental = second.editionId();
        JsonNode edition = second.node().get("edition");
        assertEquals("incremental", edition.get("category").getStringValue());
        assertEquals(full, edition.get("baseEditionId").getLongValue());
        assertEquals(7, edition.get("setSize").getLongValue());

        AuthorityApi.Answer third = api.upload("EP", "layout=st37-xml&wait=true", bytes(DIFFERENTIAL));
        assertEquals(201, third.status(), third.body());
        differential = third.editionId();
        assertEquals("differential", third.node().get("edition").get("category").getStringValue());
        assertEquals(7, activeCount("EP"));
        JsonNode report = api.get("/api/v1/authority/editions/" + differential + "/report").node();
        assertEquals(2, report.get("deletions").getLongValue());

        assertEquals("superseded", api.get("/api/v1/authority/editions/" + full).node().get("status").getStringValue());
        assertEquals("active", api.get("/api/v1/authority/editions/" + differential).node().get("status").getStringValue());
        JsonNode list = api.get("/api/v1/authority/offices/EP/editions?limit=2").node();
        assertEquals(differential, list.get("items").get(0).get("editionId").getLongValue());
        assertEquals(incremental, list.get("items").get(1).get("editionId").getLongValue());
        assertTrue(list.get("next") != null, list.toString());
    }

    @Test
    @Order(2)
    void aDiffCountsAddedRemovedAndChangedPerYearAndKind() {
        JsonNode diff = api.get("/api/v1/authority/editions/" + differential + "/diff?against=" + full).node();
        assertEquals(2, diff.get("added").getLongValue(), diff.toString());
        assertEquals(1, diff.get("removed").getLongValue(), diff.toString());
        assertEquals(3, diff.get("changed").getLongValue(), diff.toString());
        Set<String> cells = new HashSet<>();
        for (JsonNode cell : diff.get("byYearAndKind").values()) {
            cells.add(cell.get("year").getIntValue() + "/" + cell.get("kind").getStringValue() + ":"
                    + cell.get("added").getLongValue() + "," + cell.get("removed").getLongValue() + ","
                    + cell.get("changed").getLongValue());
        }
        assertEquals(Set.of("2000/A1:0,0,2", "2001/A1:0,0,1", "2002/A1:1,0,0", "2003/B1:0,1,0", "2004/B1:1,0,0"), cells);

        String csv = api.get("/api/v1/authority/editions/" + differential + "/diff?against=" + full
                + "&format=csv&change=changed").body();
        List<String> lines = csv.lines().toList();
        assertEquals(4, lines.size(), csv);
        assertTrue(lines.contains("changed,EP1000002,A2,A1,2000-01-12,2000-01-12,,"), csv);
        assertTrue(lines.contains("changed,EP1000003,A1,A1,2001-06-01,2001-06-01,W,"), csv);

        JsonNode small = api.get("/api/v1/authority/editions/" + incremental + "/diff?against=" + full).node();
        assertEquals(1, small.get("added").getLongValue());
        assertEquals(1, small.get("changed").getLongValue());
        assertEquals(0, small.get("removed").getLongValue());
    }

    @Test
    @Order(3)
    void aDocumentIsFoundByEveryCommonSpellingOfItsNumber() {
        for (String spelling : List.of("EP 1 000 000 B1", "EP1000000B1", "US 2005/0123456 A1", "US20050123456A1")) {
            AuthorityApi.Answer answer = api.get("/api/v1/authority/documents/" + encode(spelling));
            assertEquals(200, answer.status(), spelling + ": " + answer.body());
            assertEquals(1, answer.node().get("records").size(), spelling);
            JsonNode record = answer.node().get("records").get(0);
            assertEquals(spelling.startsWith("EP") ? "B1" : "A1", record.get("kind").getStringValue(), spelling);
        }
        AuthorityApi.Answer allKinds = api.get("/api/v1/authority/documents/EP1000000");
        assertEquals(200, allKinds.status(), allKinds.body());
        assertEquals(2, allKinds.node().get("records").size());
        assertEquals("EP1000000", allKinds.node().get("numberKey").getStringValue());
        assertEquals(404, api.get("/api/v1/authority/documents/EP1000005B1").status(), "deleted by the differential");
        assertEquals(400, api.get("/api/v1/authority/documents/not-a-number").status());
    }

    @Test
    @Order(4)
    void recordsAreListedWithFiltersAndACursorAndExported() throws IOException {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/authority/records?office=EP&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)).node();
            for (JsonNode item : page.get("items").values()) {
                assertTrue(seen.add(item.get("numberKey").getStringValue() + item.get("kind").getStringValue()));
            }
            cursor = page.get("next") == null ? null : page.get("next").getStringValue();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(7, seen.size(), seen.toString());
        assertEquals(2, api.get("/api/v1/authority/records?office=EP&kind=B1").node().get("items").size());
        assertEquals(2, api.get("/api/v1/authority/records?office=EP&fromYear=2002&toYear=2003").node().get("items").size());
        assertEquals(1, api.get("/api/v1/authority/records?exceptionCode=W").node().get("items").size(), "the US one");

        String csv = api.get("/api/v1/authority/records?office=EP&format=csv").body();
        assertEquals(8, csv.lines().count(), csv);
        assertTrue(csv.startsWith("office,numberKey,kind,publicationDate,exceptionCode,docNumber,editionId"), csv);
        String ndjson = api.get("/api/v1/authority/records?office=EP&kind=A1&format=ndjson").body();
        assertEquals(5, ndjson.lines().count(), ndjson);
        assertTrue(ndjson.lines().allMatch(line -> line.startsWith("{\"office\":\"EP\"")), ndjson);

        JsonNode statistics = api.get("/api/v1/authority/statistics?office=EP").node();
        long total = 0;
        for (JsonNode row : statistics.get("rows").values()) {
            total += row.get("records").getLongValue();
            assertEquals(differential, row.get("editionId").getLongValue());
        }
        assertEquals(7, total);
    }

    @Test
    @Order(5)
    void theFeedAnnouncesEachActivationAndServesTheEditionsRecords() throws IOException {
        String feed = api.getAs("/internal/v1/changes?after=0", tokens.forThisService()).body();
        List<String> activations = feed.lines().filter(line -> line.contains("\"type\":\"edition.activated\"")
                && line.contains("\"key\":\"EP\"")).toList();
        assertEquals(3, activations.size(), feed);
        assertTrue(activations.get(2).contains("\"recordCount\":7") && activations.get(2).contains("\"category\":\"differential\""),
                activations.get(2));
        try (InputStream records = api.stream("/internal/v1/editions/" + differential + "/records", tokens.forThisService())) {
            String text = new String(records.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(7, text.lines().count(), text);
            assertTrue(text.contains("\"numberKey\":\"EP1000006\""), text);
        }
        assertEquals(403, api.get("/internal/v1/editions/" + differential + "/records").status(), "services only");
    }

    @Test
    @Order(6)
    void activationIsAtomicForReaders() throws Exception {
        byte[] small = generated("AT", 20_000, 1);
        byte[] large = generated("AT", 30_000, 2);
        Set<Long> observed = ConcurrentHashMap.newKeySet();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                observed.add(activeCount("AT"));
            }
        });
        reader.start();
        try {
            assertEquals(201, api.upload("AT", "layout=epo-csv&wait=true", small).status());
            assertEquals(201, api.upload("AT", "layout=epo-csv&wait=true", large).status());
            assertEquals(201, api.upload("AT", "layout=epo-csv&wait=true", small).status());
        } finally {
            reading.set(false);
            reader.join();
        }
        assertTrue(Set.of(0L, 20_000L, 30_000L).containsAll(observed), "readers saw only whole sets: " + observed);
        assertTrue(observed.size() >= 2, observed.toString());
    }

    @Test
    @Order(7)
    void onlyTheNewestEditionsKeepTheirRecords() {
        // AT now has three accepted editions; a fourth drops the first one's record set (keep-editions = 3)
        JsonNode first = api.get("/api/v1/authority/offices/AT/editions?limit=10").node().get("items").get(2);
        assertEquals(201, api.upload("AT", "layout=epo-csv&wait=true", generated("AT", 1_000, 3)).status());
        long firstId = first.get("editionId").getLongValue();
        assertFalse(api.get("/api/v1/authority/editions/" + firstId).node().get("recordsKept").getBooleanValue());
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE tablename = 'authority_record_e" + firstId + "'"));
        assertEquals(409, api.get("/api/v1/authority/editions/" + firstId + "/diff?against=" + firstId).status());
    }

    @Test
    @Order(8)
    void anIngestCutShortByAKillIsMarkedFailedAtRestartAndTheFileCanBeSentAgain() throws Exception {
        long before = activeCount("EP");
        long id;
        try (Connection connection = connections.connection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("INSERT INTO edition (office, category, layout, checksum, status, "
                    + "uploaded_by) VALUES ('EP', 'full', 'epo-csv', 'killed', 'ingesting', 'office-EP') RETURNING id")) {
                rows.next();
                id = rows.getLong(1);
            }
            // what a kill after the load's commit, before activation, leaves behind
            statement.execute("CREATE TABLE authority_record_e" + id + " (LIKE authority_record)");
            statement.execute("INSERT INTO authority_record_e" + id + " VALUES (" + id + ", 'EP', 'EP9', 'A1', NULL, NULL, '9', 1)");
        }
        assertEquals(List.of(id), recovery.recover());
        JsonNode edition = api.get("/api/v1/authority/editions/" + id).node();
        assertEquals("failed", edition.get("status").getStringValue());
        assertTrue(api.get("/api/v1/authority/editions/" + id + "/report").body().contains("stopped while reading"));
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE tablename = 'authority_record_e" + id + "'"));
        assertEquals(before, activeCount("EP"));
        AuthorityApi.Answer again = api.upload("EP", "layout=epo-csv&wait=true", bytes(FULL));
        assertEquals(201, again.status(), again.body());
        assertEquals(6, activeCount("EP"));
    }

    @Test
    @Order(9)
    void withoutWaitingTheUploadAnswers202AndTheEditionShowsProgress() throws Exception {
        AuthorityApi.Answer accepted = api.upload("CH", "layout=epo-csv", generated("CH", 200_000, 4));
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals("accepted", accepted.node().get("outcome").getStringValue());
        JsonNode edition = accepted.node().get("edition");
        assertEquals("ingesting", edition.get("status").getStringValue());
        assertTrue(edition.get("progress") != null, edition.toString());
        long id = accepted.editionId();
        String status = "ingesting";
        for (int i = 0; i < 600 && status.equals("ingesting"); i++) {
            Thread.sleep(100);
            status = api.get("/api/v1/authority/editions/" + id).node().get("status").getStringValue();
        }
        assertEquals("active", status);
        assertEquals(200_000, activeCount("CH"));
    }

    @Test
    @Order(10)
    void anEditionStillLockedByAKilledServicesSessionIsMarkedFailedOnceTheSessionLetsGo() throws Exception {
        long id;
        try (Connection session = connections.connection(); Statement statement = session.createStatement()) {
            try (ResultSet rows = statement.executeQuery("INSERT INTO edition (office, category, layout, checksum, "
                    + "status, uploaded_by) VALUES ('FR', 'full', 'epo-csv', 'killed-while-indexing', 'ingesting', "
                    + "'office-FR') RETURNING id")) {
                rows.next();
                id = rows.getLong(1);
            }
            // a service killed during the unique index: PostgreSQL finishes the statement for the dead client and
            // holds the edition's lock (BulkSession.EDITION_LOCK) until then, past the restart's recovery
            statement.execute("SELECT pg_advisory_lock(" + 0x1d17 + ", " + id + ")");
            assertEquals(List.of(), recovery.recover());
            assertEquals("ingesting", status(id));
            statement.execute("SELECT pg_advisory_unlock_all()");
        }
        String status = status(id);
        for (int i = 0; i < 150 && status.equals("ingesting"); i++) {
            Thread.sleep(100);
            status = status(id);
        }
        assertEquals("failed", status);
    }

    private String status(long editionId) {
        return api.get("/api/v1/authority/editions/" + editionId).node().get("status").getStringValue();
    }

    private long activeCount(String office) {
        return count("SELECT count(*) FROM active_record WHERE office = '" + office + "'");
    }

    private long count(String sql) {
        try (Connection connection = connections.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] generated(String office, int records, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDate produced = LocalDate.of(2025, 1, 1);
        try {
            AuthorityFileWriter.write(Layout.EPO_CSV, office, produced, "full",
                    new RecordGenerator(office, records, seed, produced), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String entry(String action, String number, String kind, String date) {
        return "<authority-file-entry" + (action.isEmpty() ? "" : " action=\"" + action + "\"")
                + "><publication-reference><document-id><country>EP</country><doc-number>" + number
                + "</doc-number><kind>" + kind + "</kind>" + (date.isEmpty() ? "" : "<date>" + date + "</date>")
                + "</document-id></publication-reference></authority-file-entry>";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
