package org.ipdex.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.common.problem.Problem;
import org.ipdex.common.problem.ProblemError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.ipdex.catalog.support.CatalogHarness.APIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Catalogue metadata: read from the spec's x-* fields (real variants included), overridable by the office. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataTest extends CatalogTest {

    @Test
    void theUsptoBundleStatesItsMetadataInTheRealVariants() {
        ApiMetadata metadata = harness.exchange(harness.upload(CatalogHarness.usptoZip(), "application/zip",
                harness.office("US")), RegistrationResponse.class).body().api().metadata();
        // info.x-ipdomain (["Patent","Common","Trademark"]) and per-operation x-ip-domain
        assertTrue(metadata.ipDomains().containsAll(List.of("Patent", "Trademark")), metadata.toString());
        // info.x-functionality and per-operation x-service-type
        assertTrue(metadata.serviceTypes().containsAll(List.of("Search", "Dissemination")), metadata.toString());
        assertTrue(metadata.contentTypes().contains("Bibliographic data"), metadata.toString());
        assertEquals(List.of("en"), metadata.languages(), "root-level x-content-language: en-US");
        assertEquals("https://data.uspto.gov/apis/getting-started", metadata.productPageUrl());
        assertEquals("https://data.uspto.gov/swagger/swagger.yaml", metadata.specSourceUrl());
        assertEquals(List.of("apiKey"), metadata.authentication());
        assertEquals("registration", metadata.accessModel(), "an API key is needed, none is sold");
        assertEquals("production", metadata.lifecycle());
    }

    @Test
    void anOfficeOverridesMetadataAndTheOverridesSurviveNewVersions() {
        register("Metadata demo", "Patent", "1.0.0");
        String id = "ep-metadata-demo";

        ApiResponse patched = patch(id, """
                {"serviceTypes": ["register", "Search"], "lifecycle": "Deprecated", "sunsetDate": "2027-06-30",
                 "languages": ["EN", "de-DE"], "accessModel": "open"}""", harness.office("EP"));
        assertEquals(List.of("Register", "Search"), patched.metadata().serviceTypes(), "vocabulary spelling");
        assertEquals("deprecated", patched.lifecycle());
        assertEquals("2027-06-30", patched.metadata().sunsetDate());
        assertEquals(List.of("en", "de"), patched.metadata().languages());
        assertTrue(patched.overridden().containsAll(List.of("serviceTypes", "lifecycle", "sunsetDate")));

        RegistrationResponse second = harness.exchange(harness.newVersion(id, spec("Metadata demo", "Trademark",
                "1.1.0").getBytes(), MediaType.APPLICATION_YAML, harness.office("EP")), RegistrationResponse.class).body();
        assertEquals(RegistrationOutcome.NEW_VERSION, second.outcome());
        ApiMetadata after = second.api().metadata();
        assertEquals(List.of("Register", "Search"), after.serviceTypes(), "the override outlives the new version");
        assertEquals("deprecated", second.api().lifecycle());
        assertEquals(List.of("Trademark"), after.ipDomains(), "not overridden: the new spec's value shows");

        ApiResponse reverted = patch(id, "{\"serviceTypes\": null, \"lifecycle\": null}", harness.admin());
        assertEquals(List.of("Dissemination"), reverted.metadata().serviceTypes(), "null gives the spec's value back");
        assertEquals("production", reverted.lifecycle());

        JsonNode document = last(harness.feedEvents(id)).path("data");
        assertEquals("production", document.path("lifecycle").asText());
        assertEquals("Dissemination", document.path("serviceTypes").get(0).asText());
        assertEquals("2027-06-30", document.path("sunsetDate").asText());
        assertEquals("Trademark", document.path("ipDomains").get(0).asText());
    }

    @Test
    void anInvalidPatchNamesEachBadFieldAndChangesNothing() {
        register("Strict patch", "Patent", "1");
        Map<String, Long> before = harness.rowCounts();
        Problem problem = harness.problem(patchRequest("ep-strict-patch", """
                {"ipDomains": ["Patent", "Patents!"], "lifecycle": "gone", "productPageUrl": "javascript:alert(1)",
                 "sunsetDate": "next year", "colour": "blue"}""", harness.office("EP")), 400);
        assertEquals(List.of("/ipDomains/1", "/lifecycle", "/productPageUrl", "/sunsetDate", "/colour"),
                problem.errors().stream().map(ProblemError::pointer).toList());
        assertEquals(before, harness.rowCounts());

        Problem malformed = harness.problem(patchRequest("ep-strict-patch", "{\"lifecycle\": ",
                harness.office("EP")), 400);
        assertEquals(1L, malformed.errors().get(0).line());
    }

    @Test
    void onlyTheOwningOfficeOrAnAdministratorMayPatch() {
        register("Owned", "Patent", "1");
        Map<String, Long> before = harness.rowCounts();
        harness.problem(patchRequest("ep-owned", "{\"lifecycle\": \"draft\"}", harness.office("US")), 403);
        harness.problem(patchRequest("ep-owned", "{\"lifecycle\": \"draft\"}", harness.anonymous()), 401);
        harness.problem(patchRequest("ep-nobody", "{\"lifecycle\": \"draft\"}", harness.admin()), 404);
        assertEquals(before, harness.rowCounts());
        assertEquals("draft", patch("ep-owned", "{\"lifecycle\": \"draft\"}", harness.admin()).lifecycle());
    }

    private RegistrationResponse register(String title, String ipDomain, String version) {
        return harness.exchange(harness.upload(spec(title, ipDomain, version).getBytes(), MediaType.APPLICATION_YAML,
                harness.office("EP")), RegistrationResponse.class).body();
    }

    private static String spec(String title, String ipDomain, String version) {
        return """
                openapi: 3.0.3
                info:
                  title: %s
                  version: "%s"
                  x-functionality: Dissemination
                  x-ip-domain: %s
                paths:
                  /items:
                    get:
                      responses:
                        '200': {description: ok}
                """.formatted(title, version, ipDomain);
    }

    private ApiResponse patch(String apiId, String body, String token) {
        var response = harness.exchange(patchRequest(apiId, body, token), ApiResponse.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        return response.body();
    }

    private static io.micronaut.http.MutableHttpRequest<byte[]> patchRequest(String apiId, String body, String token) {
        return HttpRequest.PATCH(APIS + "/" + apiId, body.getBytes()).contentType("application/merge-patch+json")
                .bearerAuth(token);
    }

    private static JsonNode last(List<JsonNode> events) {
        assertTrue(!events.isEmpty());
        return events.get(events.size() - 1);
    }

    @Test
    void aSpecWithoutCatalogueFieldsGetsDefaults() {
        ApiMetadata metadata = harness.exchange(harness.upload("""
                {"openapi": "3.0.3", "info": {"title": "Bare", "version": "1"}, "paths": {}}""".getBytes(),
                MediaType.APPLICATION_JSON, harness.office("EP")), RegistrationResponse.class).body().api().metadata();
        assertEquals("open", metadata.accessModel(), "no security declared");
        assertEquals(List.of(), metadata.ipDomains());
        assertNull(metadata.specSourceUrl());
    }
}
