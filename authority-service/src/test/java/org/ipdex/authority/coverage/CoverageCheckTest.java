package org.ipdex.authority.coverage;

import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.authority.fixture.AuthorityFixtures;
import org.ipdex.authority.fixture.AuthorityFixtures.Rec;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.Problem;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageCheckTest implements TestPropertyProvider {

    static final int MAX_REQUEST_SIZE = 1024 * 1024;

    /** The five spellings of the issue, kind-less entries, an unknown number, a wrong kind, another office, garbage. */
    static final String COLLECTION = """
            number
            EP 1 000 000 B1
            EP1000000B1
            EP1000000
            US 2005/0123456 A1
            US20050123456A1
            EP1000001A1
            US7000000
            EP1000099
            EP1000003A1
            JP2000123456A
            this is not a number
            '; DROP TABLE coverage_check; --

            EP1000002A1
            """;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    IdentityTokens tokens;

    @Inject
    DataSource dataSource;

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    CoverageJobs jobs;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestStack.serviceProperties("coverage"));
        properties.put("micronaut.server.max-request-size", String.valueOf(MAX_REQUEST_SIZE));
        properties.put("micronaut.server.max-request-buffer-size", String.valueOf(MAX_REQUEST_SIZE));
        return properties;
    }

    @BeforeAll
    void authorityFiles() {
        AuthorityFixtures.activeEdition(dataSource, "EP", LocalDate.of(2024, 1, 15), List.of(
                Rec.of("1000000", "A1", "2000-03-01"),
                Rec.of("1000000", "B1", "2003-05-07"),
                Rec.of("1000001", "A1", "2000-03-01"),
                new Rec("1000002", "A1", "2000-03-08", "W"),
                Rec.of("1000003", "B1", "2001-06-13")));
        AuthorityFixtures.activeEdition(dataSource, "US", LocalDate.of(2024, 2, 1), List.of(
                Rec.of("20050123456", "A1", "2005-06-09"),
                Rec.of("7000000", "B2", "2006-02-14")));
    }

    @Test
    void everySpellingMatchesAndTheReportCountsWhatIsMissingExtraAndExceptional() throws Exception {
        CoverageCheckResponse done = check(COLLECTION.getBytes(StandardCharsets.UTF_8), "offices=EP,US", null);
        CoverageReport report = done.report();
        assertEquals("offices:EP,US", report.scope().key());
        assertNull(report.scope().version());
        assertEquals(new CoverageCounts(6, 5, 1, 2, 1, 83.33), report.totals());
        assertEquals(new CoverageCounts(2, 2, 0, 0, 0, 100.0), office(report, "US").counts());
        assertEquals(new CoverageReport.Row("EP", 2001, "B1", 1, 0, 1, 0, 0, 0.0), row(report, "EP", 2001, "B1"));
        assertEquals(new CoverageReport.Row("EP", 2000, "A1", 2, 2, 0, 0, 1, 100.0), row(report, "EP", 2000, "A1"),
                "the withdrawn EP1000002 is counted apart, not missing, although the collection lists it");
        assertEquals(new CoverageReport.Row("EP", 2003, "B1", 1, 1, 0, 0, 0, 100.0), row(report, "EP", 2003, "B1"));
        assertEquals(1, row(report, "EP", null, null).extra(), "the kind-less EP1000099");
        assertEquals(1, row(report, "EP", null, "A1").extra(), "EP1000003 exists, but not as A1");

        CoverageReport.Collection collection = report.collection();
        assertEquals(13, collection.rowsRead(), "the header and the blank line are not rows");
        assertEquals(Map.of("JP", 1L), collection.outsideScope());
        assertEquals(2, collection.unparseable().count());
        assertEquals(List.of(12L, 13L), collection.unparseable().samples().stream().map(CoverageReport.BadLine::line).toList());
        assertEquals("'; DROP TABLE coverage_check; --", collection.unparseable().samples().get(1).text());

        assertEquals("office,number,kind,publicationDate\nEP,1000003,B1,2001-06-13\n", list(done, "missing"));
        assertEquals("office,number,kind,publicationDate,line\nEP,1000099,,,9\nEP,1000003,A1,,10\n", list(done, "extra"));
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/authority/coverageChecks/" + done.checkId()).bearerAuth(publicToken())).getStatus(),
                "coverage_check survived the line that looked like SQL");

        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT data::text FROM change_feed WHERE type = 'coverage.check.finished' AND key = ?")) {
            statement.setString(1, done.checkId());
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "the finished check is in the feed, for webhooks");
                JsonNode event = json.readValue(rows.getString(1), JsonNode.class);
                assertEquals("offices:EP,US", event.get("scope").getStringValue());
                assertEquals(2, event.get("offices").size());
                assertEquals(6, event.get("totals").get("expected").getLongValue());
                assertFalse(rows.next(), "once");
            }
        }
    }

    @Test
    void aGzipUploadIsDetectedByItsFirstBytes() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(COLLECTION.getBytes(StandardCharsets.UTF_8));
        }
        CoverageReport report = check(zipped.toByteArray(), "offices=EP,US", null).report();
        assertEquals(new CoverageCounts(6, 5, 1, 2, 1, 83.33), report.totals());
        assertEquals(zipped.size(), report.collection().bytes());
    }

    @Test
    void anUploadLargerThanMaxRequestSizeIsStreamed() throws Exception {
        StringBuilder big = new StringBuilder();
        int lines = 0;
        while (big.length() <= 3 * MAX_REQUEST_SIZE) {
            big.append("EP 1 000 000 B1\nUS20050123456A1\n");
            lines += 2;
        }
        CoverageCheckResponse done = check(big.toString().getBytes(StandardCharsets.US_ASCII), "offices=EP", null);
        assertEquals(lines, done.report().collection().rowsRead());
        assertEquals(lines / 2, done.report().collection().outsideScope().get("US"));
        assertEquals(1, done.report().totals().held(), "a number listed many times is held once");
        assertTrue(done.progress().bytesTotal() > 3L * MAX_REQUEST_SIZE);

        // every other body still obeys max-request-size
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.PUT("/api/v1/authority/scope",
                        "{\"entries\": [], \"pad\": \"" + "x".repeat(2 * MAX_REQUEST_SIZE) + "\"}")
                        .contentType(MediaType.APPLICATION_JSON).bearerAuth(publicToken())));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, refused.getStatus());
    }

    @Test
    void aPctCheckUsesTheScopeKindsAndYearsAndRecordsTheVersion() throws Exception {
        String admin = tokens.issue(new Identity("admin", Set.of(Roles.ADMIN), Optional.empty()));
        int version = client.toBlocking().retrieve(HttpRequest.PUT("/api/v1/authority/scope", """
                {"entries": [{"office": "EP", "kinds": ["B1"], "fromYear": 2002},
                             {"office": "CN", "kinds": ["A"], "fromYear": 1985}]}""")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin), Map.class).get("version") instanceof Number n
                ? n.intValue() : -1;
        CoverageReport report = check(COLLECTION.getBytes(StandardCharsets.UTF_8), "scope=pct", null).report();
        assertEquals("pct", report.scope().key());
        assertEquals(version, report.scope().version());
        assertEquals(new CoverageCounts(1, 1, 0, 2, 0, 100.0), report.totals(), "only EP B1 from 2002 is expected");
        assertNull(office(report, "CN").editionId(), "no authority file for CN: nothing expected, nothing extra");
        assertEquals(Map.of("JP", 1L, "US", 3L), report.collection().outsideScope());
    }

    @Test
    void aSecondCheckOfTheSameCollectionSaysWhatChanged() throws Exception {
        String first = "EP1000000\nEP1000077\n";
        String second = "EP1000000\nEP1000001\nEP1000003B1\nEP1000088A1\n";
        CoverageCheckResponse before = check(first.getBytes(StandardCharsets.US_ASCII), "offices=EP", "library 'A'");
        assertNull(before.report().changes());
        CoverageCheckResponse after = check(second.getBytes(StandardCharsets.US_ASCII), "offices=EP", "library 'A'");
        CoverageReport.Changes changes = after.report().changes();
        assertNotNull(changes);
        assertEquals(before.checkId(), changes.previousCheckId());
        assertEquals(0, changes.newlyMissing());
        assertEquals(2, changes.noLongerMissing());
        assertEquals(2, changes.newlyHeld());
        assertEquals(1, changes.newlyExtra());
        assertEquals(1, changes.noLongerExtra());
        assertEquals(2, changes.previousTotals().missing());
        CoverageReport.Changes served = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/authority/coverageChecks/"
                + after.checkId() + "/changes").bearerAuth(publicToken()), CoverageReport.Changes.class);
        assertEquals(changes, served);
        assertEquals("library 'A'", after.name());

        CoverageCheckResponse otherName = check(first.getBytes(StandardCharsets.US_ASCII), "offices=EP", "library B");
        assertNull(otherName.report().changes());
    }

    @Test
    void anUnknownOfficeOrScopeIsRefusedNamingTheParameter() {
        assertParameter("offices=EP,XX", "offices", "no active authority file for XX");
        assertParameter("offices=E1", "offices", "not an ST.3 office code");
        assertParameter("scope=ipc", "scope", "pct");
        assertParameter("", "offices", "either");
    }

    @Test
    void aCheckInterruptedByARestartIsMarkedFailed() throws Exception {
        long id;
        try (var connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); var statement = connection.createStatement()) {
            var rows = statement.executeQuery("""
                    INSERT INTO coverage_check (check_id, scope_key, scope, status, created_by, created_at)
                    VALUES ('interrupted-1', 'offices:EP', '{"key":"offices:EP","lines":[]}', 'running', 'test',
                            now() - interval '1 hour') RETURNING id""");
            rows.next();
            id = rows.getLong(1);
            statement.execute("CREATE UNLOGGED TABLE " + CoverageAnalysis.stagingTable(id) + " (x int)");
        }
        jobs.sweep();
        CoverageCheckResponse check = get("interrupted-1");
        assertEquals("failed", check.status());
        assertTrue(check.error().startsWith("interrupted"), check.error());
        try (var connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT to_regclass('" + CoverageAnalysis.stagingTable(id) + "')")) {
            rows.next();
            assertNull(rows.getString(1), "the staging table is dropped");
        }
    }

    private void assertParameter(String query, String parameter, String message) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/authority/coverageChecks?" + query,
                        "EP1000000\n".getBytes(StandardCharsets.US_ASCII)).contentType("text/csv")
                        .bearerAuth(publicToken()), Argument.of(String.class), Argument.of(Problem.class)));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
        assertEquals(parameter, problem.errors().get(0).parameter(), problem.toString());
        assertTrue(problem.errors().get(0).message().contains(message), problem.errors().get(0).message());
    }

    /** Uploads with the JDK client as a stream of unknown length (chunked), then polls until the check ends. */
    CoverageCheckResponse check(byte[] body, String query, String name) throws Exception {
        String uri = server.getURL() + "/api/v1/authority/coverageChecks?" + query
                + (name == null ? "" : "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(uri))
                        .header("Authorization", "Bearer " + publicToken()).header("Content-Type", "text/csv")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        CoverageCheckResponse accepted = json.readValue(response.body(), CoverageCheckResponse.class);
        assertEquals("/api/v1/authority/coverageChecks/" + accepted.checkId(),
                response.headers().firstValue("Location").orElseThrow());
        for (int i = 0; i < 300; i++) {
            CoverageCheckResponse check = get(accepted.checkId());
            if (check.status().equals("done")) {
                return check;
            }
            assertTrue(!check.status().equals("failed"), check.error());
            Thread.sleep(100);
        }
        throw new AssertionError("the check did not finish");
    }

    private CoverageCheckResponse get(String checkId) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/authority/coverageChecks/" + checkId)
                .bearerAuth(publicToken()), CoverageCheckResponse.class);
    }

    private String list(CoverageCheckResponse check, String which) throws IOException {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/authority/coverageChecks/" + check.checkId()
                + "/" + which).bearerAuth(publicToken()));
    }

    private static CoverageReport.OfficeCoverage office(CoverageReport report, String office) {
        return report.offices().stream().filter(o -> o.office().equals(office)).findFirst().orElseThrow();
    }

    private static CoverageReport.Row row(CoverageReport report, String office, Integer year, String kind) {
        return report.rows().stream().filter(r -> r.office().equals(office) && java.util.Objects.equals(r.publicationYear(), year)
                && java.util.Objects.equals(r.kind(), kind)).findFirst().orElseThrow(() -> new AssertionError(report.rows()));
    }

    private String publicToken() {
        return tokens.issue(Identity.anonymous());
    }
}
