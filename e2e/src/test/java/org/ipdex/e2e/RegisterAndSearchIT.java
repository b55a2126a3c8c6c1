package org.ipdex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.stack.LocalStack;
import org.ipdex.stack.Parity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The thin slice across all four services: an office registers a spec through the gateway, catalog-service
 * stores it with its change-feed row, search-service pulls the feed into Elasticsearch, and an anonymous search
 * through the gateway finds it.
 */
@ExtendWith(TheStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterAndSearchIT {

    private static final String SPEC = """
            openapi: 3.0.3
            info:
              title: Legal Status Lookup
              version: 1.0.0
              description: Find the legal status of a patent application at the Ruritanian office.
            paths:
              /legalStatuses/{applicationNumber}:
                get:
                  operationId: getLegalStatus
                  summary: Legal status of one application
                  parameters:
                    - name: applicationNumber
                      in: path
                      required: true
                      schema:
                        type: string
                  responses:
                    '200':
                      description: The legal status events
            """;

    private LocalStack stack;
    private Http gateway;
    private Path home;

    @BeforeAll
    void connect(TheStack.Running running) {
        stack = running.stack();
        gateway = running.gateway();
        home = running.home();
    }

    @Test
    void anOfficeRegistersASpecAndAnyoneFindsItThroughTheGateway() {
        Http.Answer anonymousWrite = gateway.post("/api/v1/catalog/apis?office=EP", null, "application/yaml", SPEC);
        assertEquals(401, anonymousWrite.status(), anonymousWrite.body());
        assertTrue(anonymousWrite.contentType().startsWith("application/problem+json"), anonymousWrite.contentType());

        String officeKey = createOfficeKey("EP");
        Http.Answer registered = gateway.post("/api/v1/catalog/apis", officeKey, "application/yaml", SPEC);
        assertEquals(201, registered.status(), registered.body());
        assertEquals("ep-legal-status-lookup", registered.json().at("/api/apiId").asText());

        JsonNode hit = awaitSearchHit("/api/v1/search/apis?q=ruritanian", "ep-legal-status-lookup");
        assertEquals("EP", hit.get("officeCode").asText());
        JsonNode operation = awaitSearchHit("/api/v1/search/operations?q=legal%20status", "ep-legal-status-lookup");
        assertEquals("Legal status of one application", operation.get("summary").asText());
    }

    @Test
    void theDemoDataIsSearchable() {
        JsonNode hit = awaitSearchHit("/api/v1/search/apis?q=open%20patent%20services", "ep-open-patent-services-api");
        assertEquals("EP", hit.get("officeCode").asText());
    }

    @Test
    void theSearchIndicesAgreeWithTheDatabaseAndOnlyAnAdministratorMayAsk() {
        Parity.Report report = Parity.await(stack.gatewayUrl(), stack.adminKey(), Duration.ofSeconds(60));
        assertTrue(report.zero(), report.describe());
        assertTrue(report.apis() >= 3 && report.operations() > 0, report.describe());
        // the figure the README quotes: what one check costs on the demo stack. Not asserted zero: the endpoint
        // probes may change an API's status (a new revision) at any moment, and the feed takes a poll to carry it
        long start = System.nanoTime();
        Parity.Report again = Parity.check(stack.gatewayUrl(), stack.adminKey());
        System.out.printf("parity check: %s ms in search-service, %d ms through the gateway%n", again.tookMillis(),
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(report.apis(), again.apis(), again.describe());

        Http.Answer anonymous = gateway.get("/api/v1/admin/parity", null);
        assertEquals(401, anonymous.status(), anonymous.body());
        assertTrue(anonymous.contentType().startsWith("application/problem+json"), anonymous.contentType());
        Http.Answer office = gateway.get("/api/v1/admin/parity", createOfficeKey("DE"));
        assertEquals(403, office.status(), office.body());
        assertTrue(office.contentType().startsWith("application/problem+json"), office.contentType());
    }

    @Test
    void aRequestThatBypassesTheGatewayIsRefused() {
        Http direct = new Http(stack.serviceUrl("catalog-service"));
        Http.Answer answer = direct.get("/api/v1/catalog/apis", null);
        assertEquals(401, answer.status(), answer.body());
        Http.Answer forged = direct.get("/api/v1/catalog/apis", "not-a-signed-token");
        assertEquals(401, forged.status(), forged.body());
    }

    @Test
    void anUnknownRouteIsAProblemDocument() {
        Http.Answer answer = gateway.get("/api/v1/nothingHere", null);
        assertEquals(404, answer.status());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertEquals(404, answer.json().get("status").asInt());
    }

    @Test
    void theAdminKeyWasWrittenToTheDataDirectory() throws Exception {
        String written = Files.readString(home.resolve("admin-api-key")).strip();
        assertEquals(stack.adminKey(), written);
        assertEquals(200, gateway.get("/api/v1/admin/offices", written).status());
    }

    private String createOfficeKey(String office) {
        Http.Answer created = gateway.post("/api/v1/admin/apiKeys", stack.adminKey(), "application/json",
                "{\"name\":\"e2e " + office + "\",\"role\":\"office\",\"officeCode\":\"" + office + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("apiKey").asText();
    }

    /** The feed is asynchronous: poll the public search until the document shows up. */
    private JsonNode awaitSearchHit(String path, String apiId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Http.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = gateway.get(path, null);
            if (last.status() == 200) {
                for (JsonNode item : last.json().get("items")) {
                    if (apiId.equals(item.path("apiId").asText())) {
                        return item;
                    }
                }
            }
            sleep();
        }
        return fail("No hit for " + apiId + " at " + path + "; last answer: " + (last == null ? "none" : last.body()));
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
