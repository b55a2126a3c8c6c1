package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.api.RegistrationOutcome;
import org.ipdex.catalog.api.RegistrationResponse;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.common.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.ipdex.catalog.support.CatalogHarness.APIS;
import static org.ipdex.catalog.support.CatalogHarness.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Multi-file specs: a zip or multipart bundle whose relative references resolve inside the bundle only. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleUploadTest extends CatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theUsptoBundleRegistersFromAZipAndResolvesCompletely() throws IOException {
        byte[] zip = CatalogHarness.usptoZip();
        HttpResponse<RegistrationResponse> created = harness.exchange(
                harness.upload(zip, "application/zip", harness.office("US")), RegistrationResponse.class);

        assertEquals(HttpStatus.CREATED, created.getStatus());
        RegistrationResponse body = created.body();
        assertEquals("us-open-data-portal-odp-api", body.api().apiId());
        assertTrue(body.warnings().stream().anyMatch(w -> w.contains("trial-appeal-decisions.yaml")
                && w.contains("tab")), "the one real defect of the corpus is forgiven and reported: " + body.warnings());

        String normalised = harness.get(APIS + "/us-open-data-portal-odp-api/versions/1/spec?form=normalised",
                harness.anonymous());
        JsonNode spec = JSON.readTree(normalised);
        assertEquals(39, spec.path("paths").size(), "the PTAB paths referenced from trial-*.yaml are inlined");
        List<String> refs = new ArrayList<>();
        collectRefs(spec, refs);
        assertTrue(refs.size() > 100, "references stay as local component references: " + refs.size());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), "no reference leaves the resolved spec: " + ref);
            assertTrue(!spec.at(ref.substring(1)).isMissingNode(), "every reference resolves: " + ref);
        }

        HttpResponse<byte[]> original = client.toBlocking().exchange(HttpRequest.GET(
                APIS + "/us-open-data-portal-odp-api/versions/1/spec").bearerAuth(harness.anonymous()), byte[].class);
        assertEquals("application/zip", original.getContentType().orElseThrow().toString());
        assertArrayEquals(zip, original.body(), "the original bytes are served back as uploaded");
    }

    @Test
    void theSameFilesAsMultipartPartsAreTheSameContentAsTheZip() {
        MultipartBody.Builder parts = MultipartBody.builder();
        CatalogHarness.USPTO_FILES.stream().filter(name -> name.endsWith(".yaml")).forEach(name ->
                parts.addPart("files", name, MediaType.of("application/yaml"), resource("/specs/uspto-odp/" + name)));
        parts.addPart("main", "swagger.yaml");
        HttpResponse<RegistrationResponse> created = harness.exchange(HttpRequest.POST(APIS + "?apiId=us-odp-parts",
                        parts.build()).contentType(MediaType.MULTIPART_FORM_DATA).bearerAuth(harness.office("US")),
                RegistrationResponse.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals(RegistrationOutcome.CREATED, created.body().outcome());

        HttpResponse<RegistrationResponse> zipped = harness.exchange(harness.upload(CatalogHarness.usptoZip(),
                "application/zip", harness.office("US")).uri(java.net.URI.create(APIS + "?apiId=us-odp-parts")),
                RegistrationResponse.class);
        assertEquals(HttpStatus.OK, zipped.getStatus());
        assertEquals(RegistrationOutcome.UNCHANGED, zipped.body().outcome(), "same files, same content");
        assertEquals(1, zipped.body().version());
    }

    @Test
    void aBundleWithTwoPossibleRootsAsksForMain() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.yaml", spec("A").getBytes());
        files.put("b.yaml", spec("B").getBytes());
        Map<String, Long> before = harness.rowCounts();
        Problem problem = harness.problem(harness.upload(CatalogHarness.zip(files), "application/zip",
                harness.office("US")), 400);
        assertEquals("main", problem.errors().get(0).parameter());
        assertTrue(problem.detail().contains("a.yaml") && problem.detail().contains("b.yaml"), problem.detail());
        assertEquals(before, harness.rowCounts());

        HttpResponse<RegistrationResponse> named = harness.exchange(harness.upload(CatalogHarness.zip(files),
                "application/zip", harness.office("US")).uri(java.net.URI.create(APIS + "?main=b.yaml")),
                RegistrationResponse.class);
        assertEquals("B", named.body().api().title());
    }

    @Test
    void aRefBetweenFilesInSubfoldersResolves() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("api/openapi.yaml", """
                openapi: 3.0.3
                info: {title: Nested bundle, version: "1"}
                paths:
                  /items:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '../schemas/item.yaml#/Item'}
                """.getBytes());
        files.put("schemas/item.yaml", """
                Item:
                  type: object
                  properties:
                    itemNumber: {type: string}
                """.getBytes());
        HttpResponse<RegistrationResponse> created = harness.exchange(harness.upload(CatalogHarness.zip(files),
                "application/zip", harness.office("US")), RegistrationResponse.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        JsonNode spec = JSON.readTree(harness.get(APIS + "/" + created.body().api().apiId()
                + "/versions/1/spec?form=normalised", harness.anonymous()));
        assertEquals("string", spec.at("/components/schemas/Item/properties/itemNumber/type").asText(), spec.toString());
    }

    static String spec(String title) {
        return """
                openapi: 3.0.3
                info: {title: %s, version: "1"}
                paths: {}
                """.formatted(title);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
