package org.ipdex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ipdex.stack.TestStack;
import org.ipdex.testdata.GeneratedRecord;
import org.ipdex.testdata.Layout;
import org.ipdex.testdata.RecordGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue #4 for real: authority-service, its own jar in its own JVM, is killed with SIGKILL in the middle of a
 * ten-million-row edition and started again on the same database. Nothing of the half-built edition may be
 * visible, the service must say what became of it, and the same file must go through afterwards.
 *
 * <p>Killed in each of the two long stages: while rows are copied (the COPY dies with the connection at once), and
 * while the unique index is built (PostgreSQL goes on building it for the dead client and holds the edition's lock
 * until it is done; recovery used to find the lock taken at start-up, skip the edition and leave it "ingesting" for
 * good, so that the same file was refused as "being read").
 *
 * <p>Only PostgreSQL is started (authority-service does not use Elasticsearch), and the calls go straight to the
 * service with the identity token the gateway would forward. The file is generated while it is sent: 240 MB that
 * never need to be on this side's disk. The re-upload is the full ten million, because "re-uploading works" is
 * about this file and this size. Each case took 32 s on the idle 2-core machine and 43 s at a load of 3.5, most
 * of it the second, complete ingest.
 */
class AuthorityKillIT {

    private static final String OFFICE = "EP";
    private static final LocalDate PRODUCED_ON = LocalDate.of(2025, 6, 30);
    private static final long FIRST_RECORDS = 1_000;
    private static final long FIRST_SEED = 1;
    private static final long BIG_RECORDS = 10_000_000;
    private static final long BIG_SEED = 2;
    /** While reading, a fifth of the file: rows are certainly in the table being built, the end seconds away. */
    private static final long KILL_AFTER_ROWS = 2_000_000;
    /** A row the kill cannot have missed, of a number the first edition does not have. */
    private static final long ONLY_IN_BIG_AT = 50_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Map<String, String> properties;
    private Path spool;
    private AuthorityProcess service;

    @BeforeEach
    void startService(TestInfo test) throws IOException {
        properties = TestStack.serviceProperties("authority_kill");
        // not the default spool under /tmp: what a killed upload leaves there is the test's to see and remove
        spool = Files.createTempDirectory("ipdex-kill-spool-");
        // written under target/ directly, so that it is there to read when the test fails
        Path log = Files.createDirectories(Path.of("target", "authority-kill"))
                .resolve("authority-service-" + test.getDisplayName().replaceAll("\\W+", "-") + ".log");
        Files.deleteIfExists(log);
        service = new AuthorityProcess(properties, spool, log);
        service.start();
    }

    /** The database goes with the harness when the test JVM exits. */
    @AfterEach
    void stopService() throws IOException {
        if (service != null) {
            service.close();
        }
        if (spool != null) {
            deleteTree(spool);
        }
    }

    @ParameterizedTest(name = "killed while {0}")
    @ValueSource(strings = {"reading", "indexing"})
    void aKillInTheMiddleOfATenMillionRowIngestLeavesThePreviousEditionActiveAndTheFileGoesThroughAgain(String stage)
            throws Exception {
        GeneratedRecord onlyInBig = recordAt(BIG_RECORDS, BIG_SEED, ONLY_IN_BIG_AT);
        assertFalse(numberKeys(FIRST_RECORDS, FIRST_SEED).contains(onlyInBig.numberKey()), "test data");
        String inBoth = recordAt(FIRST_RECORDS, FIRST_SEED, 0).numberKey();

        long first = upload(FIRST_RECORDS, FIRST_SEED, true, 201).at("/edition/editionId").asLong();
        assertActiveSet(first, FIRST_RECORDS, inBoth);

        long killed = upload(BIG_RECORDS, BIG_SEED, false, 202).at("/edition/editionId").asLong();
        JsonNode progress = awaitStage(killed, stage, KILL_AFTER_ROWS);
        assertEquals(137, service.kill(), "killed by SIGKILL, not stopped");
        log("killed at " + progress);

        service.start();
        assertEquals(List.of(), filesIn(spool), "the killed upload's spool file is left behind");
        // at once after a kill while reading; after an index build, once the dead client's session has ended
        JsonNode cutShort = awaitFinished(killed, Duration.ofMinutes(2));
        assertEquals("failed", cutShort.get("status").asText(), cutShort.toString());
        assertTrue(getText("/api/v1/authority/editions/" + killed + "/report").contains("stopped while reading"));
        assertEquals("active", get("/api/v1/authority/editions/" + first).get("status").asText());
        assertActiveSet(first, FIRST_RECORDS, inBoth);
        assertEquals(404, lookUp(onlyInBig.numberKey()).status(), "a row the killed ingest had copied is visible");
        assertFalse(tableExists(killed), "the killed edition's record table is left behind");

        long second = upload(BIG_RECORDS, BIG_SEED, false, 202).at("/edition/editionId").asLong();
        assertNotEquals(killed, second, "the same file must be read again, not taken for the failed edition");
        JsonNode finished = awaitFinished(second, Duration.ofMinutes(5));
        assertEquals("active", finished.get("status").asText(), finished.toString());
        assertEquals(BIG_RECORDS, finished.get("setSize").asLong());
        assertActiveSet(second, BIG_RECORDS, onlyInBig.numberKey());
        assertEquals("superseded", get("/api/v1/authority/editions/" + first).get("status").asText());
    }

    /**
     * Only {@code editionId} is active for the office, with exactly {@code records} records, and the records of
     * {@code numberKey} come from it.
     */
    private void assertActiveSet(long editionId, long records, String numberKey) {
        JsonNode rows = get("/api/v1/authority/statistics?office=" + OFFICE).get("rows");
        long total = 0;
        for (JsonNode row : rows) {
            assertEquals(editionId, row.get("editionId").asLong(), row.toString());
            total += row.get("records").asLong();
        }
        assertEquals(records, total);
        // the look-up reads the records themselves, not the statistics written at activation
        Answer found = lookUp(numberKey);
        assertEquals(200, found.status(), found.body());
        for (JsonNode record : found.json().get("records")) {
            assertEquals(editionId, record.get("editionId").asLong(), record.toString());
        }
    }

    /** Polls the edition until the job is in {@code stage} with {@code rows} entries read; fails if it ended before. */
    private JsonNode awaitStage(long editionId, String stage, long rows) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode edition = get("/api/v1/authority/editions/" + editionId);
            if (!edition.get("status").asText().equals("ingesting")) {
                fail("The ingest ended before it could be killed: " + edition);
            }
            JsonNode progress = edition.path("progress");
            if (progress.path("stage").asText().equals(stage) && progress.path("rowsDone").asLong() >= rows) {
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Edition " + editionId + " did not reach " + stage + " in time");
    }

    private JsonNode awaitFinished(long editionId, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode edition = get("/api/v1/authority/editions/" + editionId);
            if (!edition.get("status").asText().equals("ingesting")) {
                return edition;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Edition " + editionId + " still ingesting after " + timeout);
    }

    private JsonNode upload(long records, long seed, boolean wait, int expectedStatus) {
        Instant start = Instant.now();
        Answer answer = send(request("/api/v1/authority/offices/" + OFFICE + "/editions?layout=" + Layout.EPO_CSV.id()
                + "&wait=" + wait).header("Content-Type", "text/csv").POST(GeneratedFile.epoCsv(OFFICE, records, seed, PRODUCED_ON)));
        assertEquals(expectedStatus, answer.status(), answer.body());
        log("uploaded " + records + " records in " + Duration.between(start, Instant.now()).toMillis() + " ms");
        return answer.json();
    }

    private static GeneratedRecord recordAt(long count, long seed, long index) {
        RecordGenerator records = new RecordGenerator(OFFICE, count, seed, PRODUCED_ON);
        for (long i = 0; i < index; i++) {
            records.next();
        }
        return records.next();
    }

    private static Set<String> numberKeys(long count, long seed) {
        Set<String> keys = new HashSet<>();
        new RecordGenerator(OFFICE, count, seed, PRODUCED_ON).forEachRemaining(record -> keys.add(record.numberKey()));
        return keys;
    }

    /** Every kind of the number in the active set. */
    private Answer lookUp(String numberKey) {
        return send(request("/api/v1/authority/documents/" + numberKey).GET());
    }

    /** Straight in the database: a half-built table the API would not show still takes disk. */
    private boolean tableExists(long editionId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(properties.get("datasources.default.url"),
                properties.get("datasources.default.username"), properties.get("datasources.default.password"));
             PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, "authority_record_e" + editionId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private JsonNode get(String path) {
        Answer answer = send(request(path).GET());
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return answer.json();
    }

    private String getText(String path) {
        Answer answer = send(request(path).GET());
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return answer.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(service.url() + path)).header("Authorization", "Bearer " + officeToken());
    }

    private record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the gateway forwards for an office key of EP: a 60-second HS256 token with the shared secret. */
    private static String officeToken() {
        long now = Instant.now().getEpochSecond();
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = base64("{\"sub\":\"office-" + OFFICE + "\",\"roles\":[\"office\"],\"office\":\"" + OFFICE
                + "\",\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + 60) + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestStack.IDENTITY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " AuthorityKillIT: " + message);
    }
}
