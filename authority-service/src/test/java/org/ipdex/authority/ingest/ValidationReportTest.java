package org.ipdex.authority.ingest;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.authority.AuthorityApi;
import org.ipdex.authority.AuthorityTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.ipdex.authority.AuthorityApi.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Record errors: each is listed with its line and excluded; above the error rate (here 90%, to see a file with
 * mostly bad entries still accepted) the file is rejected; strict mode rejects at the first.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationReportTest extends AuthorityTest {

    @Override
    protected void configure(Map<String, String> properties) {
        properties.put("ipdex.ingest.max-error-rate", "0.9");
    }

    @BeforeAll
    void setUp() throws Exception {
        String definitions = "type;code;description\nkind;A1;Application with search report\nkind;B1;Patent\n"
                + "exception;W;Withdrawn\n";
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/api/v1/authority/offices/EP/definitions"))
                .header("Authorization", "Bearer " + api.officeToken("EP")).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(definitions)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(put.body().contains("\"W\":\"Withdrawn\""), put.body());
    }

    @Test
    void everyRecordErrorIsListedWithItsLineAndExcluded() {
        AuthorityApi.Answer answer = api.upload("EP", "layout=epo-csv&wait=true", resource("ep-record-errors.csv"));
        assertEquals(201, answer.status(), answer.body());
        assertEquals(2, answer.node().get("edition").get("setSize").getLongValue());
        JsonNode report = api.get("/api/v1/authority/editions/" + answer.editionId() + "/report").node();
        assertEquals(10, report.get("recordsRead").getLongValue());
        assertEquals(8, report.get("recordsRejected").getLongValue());
        assertEquals("stored", report.get("definitionsFrom").getStringValue());
        Map<Long, String> byLine = new HashMap<>();
        for (JsonNode error : report.get("errors").values()) {
            byLine.put(error.get("line").getLongValue(), error.get("message").getStringValue());
        }
        assertTrue(byLine.get(3L).contains("Bad publication date '20001345'"), byLine.toString());
        assertTrue(byLine.get(4L).contains("Kind code Z9 is not defined"), byLine.toString());
        assertTrue(byLine.get(5L).contains("Exception code Q is not defined"), byLine.toString());
        assertTrue(byLine.get(6L).contains("Duplicate of line 2"), byLine.toString());
        assertTrue(byLine.get(7L).contains("prefix of office US"), byLine.toString());
        assertTrue(byLine.get(8L).contains("in the future"), byLine.toString());
        assertTrue(byLine.get(9L).contains("office DE"), byLine.toString());
        assertTrue(byLine.get(11L).contains("cut off"), byLine.toString());
        JsonNode counts = report.get("errorCounts");
        assertEquals(1, counts.get("duplicate").getLongValue());
        assertEquals(2, counts.get("wrong-office").getLongValue());
        assertEquals(1, counts.get("future-date").getLongValue());
    }

    @Test
    void strictModeRejectsAtTheFirstRecordError() {
        AuthorityApi.Answer answer = api.upload("DE", "layout=epo-csv&strict=true&wait=true",
                new String(resource("ep-record-errors.csv")).replace("EP;", "DE;").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("Strict mode"), answer.body());
        assertEquals(3, answer.node().get("errors").get(0).get("line").getLongValue(), answer.body());
    }

    @Test
    void aFileOfDuplicatesAboveTheErrorRateIsRejectedAndLeavesNothingBehind() {
        String line = "FR;1234567;A1;20100105;\n";
        AuthorityApi.Answer answer = api.upload("FR", "layout=epo-csv&wait=true",
                line.repeat(20).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("19 of 20 entries have errors"), answer.body());
        assertTrue(answer.body().contains("Duplicate of line 1"), answer.body());
        long editionId = Long.parseLong(answer.body().replaceAll(".*Edition (\\d+) rejected.*", "$1"));
        JsonNode edition = api.get("/api/v1/authority/editions/" + editionId).node();
        assertEquals("rejected", edition.get("status").getStringValue());
        assertEquals(404, api.get("/api/v1/authority/documents/FR1234567").status());
    }
}
