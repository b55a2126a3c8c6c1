package org.ipdex.gateway.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.gateway.BackendStub;
import org.ipdex.gateway.account.OfficeRequest;
import org.ipdex.gateway.account.Offices;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway composes an office's scorecard from the two services' halves (here a stub for each) and alone decides
 * whether the office exists, from its own table on a real PostgreSQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeScorecardTest implements TestPropertyProvider {

    private final BackendStub catalog = BackendStub.start();
    private final BackendStub authority = BackendStub.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    Offices offices;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestStack.serviceProperties("gateway");
        properties.put("ipdex.backends.catalog.url", catalog.url());
        properties.put("ipdex.backends.authority.url", authority.url());
        properties.put("ipdex.backends.search.url", BackendStub.deadUrl());
        return properties;
    }

    @BeforeAll
    void createOffice() {
        offices.create(new OfficeRequest("QZ", "Quokka Patent Office", "QZ", "office@example.org"));
    }

    @AfterAll
    void stop() {
        catalog.close();
        authority.close();
    }

    @Test
    void theTwoHalvesSitSideBySide() throws Exception {
        catalog.serve("/api/v1/catalog/offices/QZ/scorecard", "application/json", """
                {"office": "QZ", "asOf": "2026-12-03T10:00:00Z", "apis": [{"apiId": "qz-legal", "st90Score": 81,
                 "st90Level": "AA", "breakingChanges12Months": 2, "uptimePercent30Days": 99.5}]}""");
        authority.serve("/api/v1/authority/offices/QZ/scorecard", "application/json", """
                {"office": "QZ", "asOf": "2026-12-03", "inScope": true, "coverageStatus": "gaps",
                 "current": {"office": "QZ", "authorityFile": true, "ageDays": 40}, "history": [{"editionId": 7}]}""");

        HttpResponse<String> answer = get("/api/v1/offices/qz/scorecard");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode card = json.readTree(answer.body());
        assertEquals("QZ", card.get("office").asText());
        assertEquals("Quokka Patent Office", card.get("officeName").asText());
        assertFalse(card.get("generatedAt").asText().isEmpty());
        assertEquals(81, card.at("/apis/0/st90Score").asInt());
        assertEquals(99.5, card.at("/apis/0/uptimePercent30Days").asDouble());
        assertEquals("gaps", card.at("/authority/coverageStatus").asText());
        assertEquals(40, card.at("/authority/current/ageDays").asInt());
        assertEquals(7, card.at("/authority/history/0/editionId").asInt());
        assertTrue(card.get("authority").get("office") == null, "the office is said once, at the top");
        String token = catalog.last().header("Authorization");
        assertTrue(token != null && token.startsWith("Bearer ey"), "the service gets an identity token: " + token);
        assertTrue(authority.last().header("Authorization").startsWith("Bearer ey"));
    }

    @Test
    void anUnknownOfficeIsA404AndABadCodeA400() throws Exception {
        int before = catalog.received().size();
        HttpResponse<String> unknown = get("/api/v1/offices/XX/scorecard");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElse(""));
        assertTrue(unknown.body().contains("No office XX"), unknown.body());
        assertEquals(before, catalog.received().size(), "nothing is asked about an office that does not exist");

        HttpResponse<String> bad = get("/api/v1/offices/Q1/scorecard");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("ST.3"), bad.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
