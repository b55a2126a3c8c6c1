package org.ipdex.catalog.office;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.api.RegistrationResponse;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.Problem;
import org.ipdex.common.problem.ProblemError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Office profiles: anyone reads, the office itself or an administrator writes, every write audited. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeTest extends CatalogTest {

    private static final String OFFICES = "/api/v1/catalog/offices";
    private static final String DPMA = """
            {"name": "Deutsches Patent- und Markenamt", "country": "de", "contactEmail": "datenabgabe@dpma.de",
             "website": "https://www.dpma.de"}""";

    @Test
    void anOfficeWritesItsOwnProfileAndAnyoneReadsIt() {
        HttpResponse<OfficeResponse> created = harness.exchange(put("de", DPMA, harness.office("DE")),
                OfficeResponse.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("DE", created.body().code());
        assertEquals("DE", created.body().country());

        HttpResponse<OfficeResponse> replaced = harness.exchange(put("DE", DPMA.replace("datenabgabe", "info"),
                harness.office("DE")), OfficeResponse.class);
        assertEquals(HttpStatus.OK, replaced.getStatus());
        OfficeResponse read = client.toBlocking().retrieve(HttpRequest.GET(OFFICES + "/DE")
                .bearerAuth(harness.anonymous()), OfficeResponse.class);
        assertEquals("info@dpma.de", read.contactEmail());

        Page<OfficeResponse> page = client.toBlocking().retrieve(HttpRequest.GET(OFFICES)
                .bearerAuth(harness.anonymous()), Argument.of(Page.class, OfficeResponse.class));
        assertTrue(page.items().stream().anyMatch(office -> office.code().equals("DE")));
        assertEquals(2L, harness.count("SELECT count(*) FROM audit_entry WHERE office_code = 'DE' "
                + "AND action = 'office.changed' AND actor = 'office-DE'"));
    }

    @Test
    void theApiDocumentsSentToSearchCarryTheNameTheOfficeGaveItself() {
        harness.exchange(put("EP", """
                {"name": "European Patent Office", "organisation": "European Patent Organisation",
                 "contactEmail": "patentdata@epo.org"}""", harness.office("EP")), OfficeResponse.class);
        RegistrationResponse registered = harness.exchange(harness.upload(
                CatalogHarness.resource("/specs/epo-ops-swagger2.yaml"), "application/yaml",
                harness.office("EP")), RegistrationResponse.class).body();
        String apiId = registered.api().apiId();
        List<JsonNode> events = harness.feedEvents(apiId);
        assertEquals("European Patent Office", events.get(events.size() - 1).path("data").path("officeName").asText());

        harness.exchange(put("EP", """
                {"name": "European Patent Office", "contactEmail": "ops@epo.org"}""", harness.office("EP")),
                OfficeResponse.class);
        assertEquals(events.size(), harness.feedEvents(apiId).size(), "the same name sends nothing again");

        harness.exchange(put("EP", """
                {"name": "Europäisches Patentamt", "contactEmail": "ops@epo.org"}""", harness.office("EP")),
                OfficeResponse.class);
        List<JsonNode> renamed = harness.feedEvents(apiId);
        assertEquals(events.size() + 1, renamed.size(), "a new name goes out with every API of the office at once");
        JsonNode last = renamed.get(renamed.size() - 1);
        assertEquals("Europäisches Patentamt", last.path("data").path("officeName").asText());
        assertEquals(events.get(events.size() - 1).path("version").asLong(), last.path("version").asLong(),
                "the document keeps its revision: only its office's name changed");
    }

    @Test
    void aFirstProfileNamesTheApisTheOfficeRegisteredBeforeIt() {
        RegistrationResponse registered = harness.exchange(harness.upload(
                CatalogHarness.resource("/specs/epo-ops-swagger2.yaml"), "application/yaml",
                harness.office("GB")), RegistrationResponse.class).body();
        String apiId = registered.api().apiId();
        List<JsonNode> before = harness.feedEvents(apiId);
        assertFalse(before.get(before.size() - 1).path("data").path("officeName").isTextual(), "no profile, no name");

        harness.exchange(put("GB", "{\"name\": \"UK Intellectual Property Office\"}", harness.office("GB")),
                OfficeResponse.class);
        List<JsonNode> after = harness.feedEvents(apiId);
        assertEquals(before.size() + 1, after.size());
        assertEquals("UK Intellectual Property Office", after.get(after.size() - 1).path("data").path("officeName")
                .asText());
    }

    @Test
    void anotherOfficeOrThePublicMayNotWriteAProfile() {
        Map<String, Long> before = harness.rowCounts();
        harness.problem(put("FR", DPMA, harness.office("DE")), 403);
        harness.problem(put("FR", DPMA, harness.anonymous()), 401);
        assertEquals(before, harness.rowCounts());
        assertEquals(HttpStatus.CREATED, harness.exchange(put("FR", DPMA.replace("Deutsches Patent- und Markenamt",
                "INPI"), harness.admin()), OfficeResponse.class).getStatus());
    }

    @Test
    void anInvalidProfileNamesItsFields() {
        Problem problem = harness.problem(put("AT", """
                {"name": " ", "country": "Austria", "contactEmail": "nobody", "website": "ftp://x"}""",
                harness.office("AT")), 400);
        assertEquals(List.of("/name", "/country", "/contactEmail", "/website"),
                problem.errors().stream().map(ProblemError::pointer).toList());
        harness.problem(put("AUT", DPMA, harness.admin()), 400);
        harness.problem(HttpRequest.GET(OFFICES + "/XX").bearerAuth(harness.anonymous()), 404);
    }

    private static io.micronaut.http.MutableHttpRequest<String> put(String code, String body, String token) {
        return HttpRequest.PUT(OFFICES + "/" + code, body).contentType("application/json").bearerAuth(token);
    }
}
