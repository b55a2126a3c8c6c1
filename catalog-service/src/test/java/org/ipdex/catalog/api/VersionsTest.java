package org.ipdex.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.ipdex.catalog.support.CatalogHarness.APIS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Versions: immutable, original bytes and normalised form, lint score and diff verdict, breaking changes flagged. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionsTest extends CatalogTest {

    private static final String V1 = """
            openapi: 3.1.0
            info: {title: Register, version: "1.0.0"}
            paths:
              /applications:
                get:
                  operationId: listApplications
                  responses:
                    '200': {description: ok}
              /applications/{applicationNumber}:
                get:
                  operationId: getApplication
                  parameters:
                    - {name: applicationNumber, in: path, required: true, schema: {type: string}}
                  responses:
                    '200': {description: ok}
            """;
    private static final String V2_BREAKING = """
            openapi: 3.1.0
            info: {title: Register, version: "2.0.0"}
            paths:
              /applications:
                get:
                  operationId: listApplications
                  responses:
                    '200': {description: ok}
            """;

    @Test
    void versionsAreListedAndServedAsUploadedOrNormalised() {
        byte[] swagger2 = CatalogHarness.resource("/specs/epo-ops-swagger2.yaml");
        RegistrationResponse first = register(swagger2, MediaType.APPLICATION_YAML).body();
        String id = first.api().apiId();
        assertNotNull(first.st90Score(), "every version is linted");
        assertNotNull(first.st90Level());
        assertNull(first.diffVerdict(), "nothing to diff the first version against");

        HttpResponse<RegistrationResponse> same = register(swagger2, MediaType.APPLICATION_YAML);
        assertEquals(HttpStatus.OK, same.getStatus());
        assertEquals(RegistrationOutcome.UNCHANGED, same.body().outcome(), "identical content is no new version");
        assertEquals(1L, harness.count("SELECT count(*) FROM api_version WHERE api_id = '" + id + "'"));

        List<VersionSummary> versions = client.toBlocking().retrieve(HttpRequest.GET(APIS + "/" + id + "/versions")
                .bearerAuth(harness.anonymous()), Argument.listOf(VersionSummary.class));
        assertEquals(1, versions.size());
        assertEquals("swagger-2.0", versions.get(0).sourceFormat());
        assertEquals("application/yaml", versions.get(0).mediaType());

        HttpResponse<byte[]> original = client.toBlocking().exchange(HttpRequest.GET(APIS + "/" + id
                + "/versions/1/spec").bearerAuth(harness.anonymous()), byte[].class);
        assertEquals("application/yaml", original.getContentType().orElseThrow().toString());
        assertArrayEquals(swagger2, original.body(), "the original bytes, untouched");

        JsonNode normalised = CatalogHarness.json(harness.get(APIS + "/" + id + "/versions/1/spec?form=normalised",
                harness.anonymous()));
        assertTrue(normalised.path("openapi").asText().startsWith("3.0"), "Swagger 2.0 is converted");

        VersionResponse version = client.toBlocking().retrieve(HttpRequest.GET(APIS + "/" + id + "/versions/1")
                .bearerAuth(harness.anonymous()), VersionResponse.class);
        assertEquals(first.st90Score(), version.st90Score());
        assertTrue(version.operationCount() > 5, "operations are extracted: " + version.operationCount());
        assertFalse(version.servers().isEmpty(), "host/basePath become servers: " + version.servers());

        harness.problem(HttpRequest.GET(APIS + "/" + id + "/versions/2").bearerAuth(harness.anonymous()), 404);
        harness.problem(HttpRequest.GET(APIS + "/" + id + "/versions/1/spec?form=pdf")
                .bearerAuth(harness.anonymous()), 400);
    }

    @Test
    void aBreakingVersionOfAProductionApiIsFlaggedLoudly() {
        String id = register(V1.getBytes(), MediaType.APPLICATION_YAML).body().api().apiId();
        assertEquals("openapi-3.1.0", harness.exchange(HttpRequest.GET(APIS + "/" + id + "/versions/1")
                .bearerAuth(harness.anonymous()), VersionResponse.class).body().sourceFormat(), "3.1 is accepted");

        HttpResponse<RegistrationResponse> second = harness.exchange(HttpRequest.POST(APIS + "/" + id + "/versions",
                        V2_BREAKING.getBytes()).contentType(MediaType.APPLICATION_YAML).bearerAuth(harness.office("EP")),
                RegistrationResponse.class);
        assertEquals(HttpStatus.CREATED, second.getStatus());
        RegistrationResponse body = second.body();
        assertEquals(2, body.version());
        assertEquals("BREAKING", body.diffVerdict());
        assertTrue(body.breakingChange());
        assertTrue(body.alert().startsWith("BREAKING CHANGE"), body.alert());

        JsonNode event = harness.feedEvents(id).get(1);
        assertEquals(2, event.path("data").path("versionNumber").asInt());
        assertTrue(event.path("data").path("breakingChange").asBoolean(), event.toString());
        assertEquals("BREAKING", event.path("data").path("diffVerdict").asText());
        assertTrue(event.path("data").has("st90Score") && event.path("data").has("st90Level"));
        assertTrue(event.path("version").asLong() > harness.feedEvents(id).get(0).path("version").asLong(),
                "feed versions grow, so search keeps the newest document");
    }

    @Test
    void aBreakingVersionOfADraftApiIsNotFlagged() {
        String draft = V1.replace("title: Register", "title: Draft register, x-lifecycle: draft");
        String id = register(draft.getBytes(), MediaType.APPLICATION_YAML).body().api().apiId();
        RegistrationResponse second = harness.exchange(harness.newVersion(id, V2_BREAKING.replace("title: Register",
                "title: Draft register, x-lifecycle: draft").getBytes(), MediaType.APPLICATION_YAML,
                harness.office("EP")), RegistrationResponse.class).body();
        assertEquals(id, second.api().apiId());
        assertEquals("BREAKING", second.diffVerdict());
        assertFalse(second.breakingChange(), "clients of a draft expect change");
        assertNull(second.alert());
    }

    @Test
    void onlyTheOwnerAddsVersionsToAnApi() {
        String id = register(V1.replace("Register", "Owned register").getBytes(), MediaType.APPLICATION_YAML)
                .body().api().apiId();
        Map<String, Long> before = harness.rowCounts();
        harness.problem(HttpRequest.POST(APIS + "/" + id + "/versions", V2_BREAKING.getBytes())
                .contentType(MediaType.APPLICATION_YAML).bearerAuth(harness.office("US")), 403);
        harness.problem(HttpRequest.POST(APIS + "?apiId=" + id + "&office=US", V2_BREAKING.getBytes())
                .contentType(MediaType.APPLICATION_YAML).bearerAuth(harness.admin()), 409);
        assertEquals(before, harness.rowCounts());
    }

    @Test
    void aDefectSwaggerParserWouldThrowOnIsMendedAndReported() {
        // as in APIs.guru's gov.bc.ca jobposting spec: an integer enum of names
        String spec = """
                {"swagger": "2.0", "info": {"title": "Job types", "version": "1"}, "paths": {},
                 "definitions": {"JobTypeID": {"type": "integer", "enum": ["Undefined0", "Full-Time"]}}}""";
        RegistrationResponse created = register(spec.getBytes(), MediaType.APPLICATION_JSON).body();
        assertEquals(List.of("the document#/definitions/JobTypeID: enum values are not integers; read as type string"),
                created.warnings());
        JsonNode normalised = CatalogHarness.json(harness.get(APIS + "/" + created.api().apiId()
                + "/versions/1/spec?form=normalised", harness.anonymous()));
        assertEquals("string", normalised.at("/components/schemas/JobTypeID/type").asText());
    }

    @Test
    void theListPagesWithCursors() {
        for (String title : List.of("Alpha", "Beta", "Gamma")) {
            harness.exchange(harness.upload(V1.replace("Register", title).getBytes(), MediaType.APPLICATION_YAML,
                    harness.office("KR")), RegistrationResponse.class);
        }
        org.ipdex.common.page.Page<ApiResponse> first = client.toBlocking().retrieve(HttpRequest.GET(APIS
                + "?office=kr&limit=2").bearerAuth(harness.anonymous()),
                Argument.of(org.ipdex.common.page.Page.class, ApiResponse.class));
        assertEquals(List.of("kr-alpha", "kr-beta"), first.items().stream().map(ApiResponse::apiId).toList());
        org.ipdex.common.page.Page<ApiResponse> second = client.toBlocking().retrieve(HttpRequest.GET(APIS
                + "?office=KR&limit=2&cursor=" + first.next()).bearerAuth(harness.anonymous()),
                Argument.of(org.ipdex.common.page.Page.class, ApiResponse.class));
        assertEquals(List.of("kr-gamma"), second.items().stream().map(ApiResponse::apiId).toList());
        assertNull(second.next());
    }

    private HttpResponse<RegistrationResponse> register(byte[] spec, String type) {
        return harness.exchange(harness.upload(spec, type, harness.office("EP")), RegistrationResponse.class);
    }
}
