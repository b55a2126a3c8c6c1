package org.ipdex.catalog.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.ipdex.catalog.api.ApiResponse;
import org.ipdex.catalog.api.RegistrationResponse;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.catalog.support.StubServer;
import org.ipdex.common.page.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.ipdex.catalog.support.CatalogHarness.APIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Endpoint checks against a stub server on loopback (allow-listed here, as an administrator would allow an
 * internal host); a private address that is not allow-listed is never contacted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointCheckTest extends CatalogTest {

    @Inject
    EndpointProber prober;
    StubServer stub;

    @Override
    protected void configure(Map<String, String> properties) {
        properties.put("ipdex.catalog.fetch.allow", "127.0.0.1/32");
        properties.put("ipdex.catalog.fetch.timeout", "2s");
    }

    @BeforeAll
    void start() {
        stub = new StubServer();
    }

    @AfterAll
    void stop() {
        stub.close();
    }

    @Test
    void declaredServersAreProbedAndTheStatusReachesTheApiAndTheFeed() {
        String spec = """
                openapi: 3.0.3
                info: {title: Probed, version: "1"}
                servers:
                  - url: %s
                  - url: http://10.255.0.1/v1
                paths: {}
                """.formatted(stub.url("/api"));
        String id = harness.exchange(harness.upload(spec.getBytes(), MediaType.APPLICATION_YAML,
                harness.office("EP")), RegistrationResponse.class).body().api().apiId();

        assertEquals("UP", prober.probe(id), "the stub answers 404 at the root: the API is there");
        List<EndpointCheckResponse> first = checks(id);
        assertEquals(2, first.size());
        EndpointCheckResponse stubCheck = byUrl(first, stub.url("/api"));
        assertEquals(404, stubCheck.httpStatus());
        assertNotNull(stubCheck.latencyMs());
        EndpointCheckResponse privateCheck = byUrl(first, "http://10.255.0.1/v1");
        assertEquals("REFUSED", privateCheck.status());
        assertNull(privateCheck.httpStatus());
        assertTrue(privateCheck.error().contains("not a public address"), privateCheck.error());

        harness.exchange(HttpRequest.PATCH(APIS + "/" + id, "{\"healthPath\": \"/health\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(harness.office("EP")), ApiResponse.class);
        stub.answer("/api/health", StubServer.Answer.status(503));
        assertEquals("DOWN", prober.probe(id));
        assertEquals(503, byUrl(checks(id), stub.url("/api/health")).httpStatus());

        ApiResponse api = client.toBlocking().retrieve(HttpRequest.GET(APIS + "/" + id)
                .bearerAuth(harness.anonymous()), ApiResponse.class);
        assertEquals("DOWN", api.endpointStatus());
        List<JsonNode> events = harness.feedEvents(id);
        assertEquals("DOWN", events.get(events.size() - 1).path("data").path("endpointStatus").asText());

        int before = events.size();
        prober.probe(id);
        assertEquals(before, harness.feedEvents(id).size(), "an unchanged status sends nothing to search");

        stub.answer("/api/health", StubServer.Answer.status(200));
        prober.probeAll();
        assertEquals("UP", client.toBlocking().retrieve(HttpRequest.GET(APIS + "/" + id)
                .bearerAuth(harness.anonymous()), ApiResponse.class).endpointStatus());
        assertEquals(8L, harness.count("SELECT count(*) FROM endpoint_check WHERE api_id = '" + id + "'"),
                "four rounds of two servers: the history is kept");
    }

    @Test
    void anApiWithoutServersStaysUnknown() {
        String id = harness.exchange(harness.upload("""
                {"openapi": "3.0.3", "info": {"title": "Serverless", "version": "1"}, "paths": {}}""".getBytes(),
                MediaType.APPLICATION_JSON, harness.office("EP")), RegistrationResponse.class).body().api().apiId();
        assertEquals("UNKNOWN", prober.probe(id));
        assertEquals(List.of(), checks(id));
        harness.problem(HttpRequest.GET(APIS + "/ep-nothing/endpointChecks").bearerAuth(harness.anonymous()), 404);
    }

    private List<EndpointCheckResponse> checks(String id) {
        Page<EndpointCheckResponse> page = client.toBlocking().retrieve(HttpRequest.GET(APIS + "/" + id
                + "/endpointChecks").bearerAuth(harness.anonymous()), Argument.of(Page.class, EndpointCheckResponse.class));
        return page.items();
    }

    private static EndpointCheckResponse byUrl(List<EndpointCheckResponse> checks, String url) {
        return checks.stream().filter(check -> check.url().equals(url)).findFirst().orElseThrow(
                () -> new AssertionError("no check of " + url + " in " + checks));
    }
}
