package org.ipdex.catalog.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.common.problem.Problem;
import org.ipdex.common.problem.ProblemError;
import org.ipdex.catalog.support.CatalogTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.ipdex.catalog.support.CatalogHarness.APIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creating an API never becomes a version of another one (two providers' "Books"), only the versions endpoint adds
 * versions, re-sending the same spec stays harmless, and a single file sent as multipart is stored as that file.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationContractTest extends CatalogTest {

    /** Two unrelated providers' specs that share only their title. */
    private static final String BOOKS_SHOP = """
            swagger: "2.0"
            info: {title: Books, version: v1}
            host: shop.example.org
            paths:
              /books: {get: {responses: {200: {description: the books on sale}}}}
            """;
    private static final String BOOKS_LIBRARY = """
            swagger: "2.0"
            info: {title: Books, version: 3.0.0}
            host: library.example.org
            paths:
              /volumes/{volumeId}:
                get:
                  parameters: [{name: volumeId, in: path, required: true, type: string}]
                  responses: {200: {description: one volume}}
            """;

    @Test
    void aSecondApiWithTheSameTitleIsAConflictNotAVersionAndRegistersUnderAnIdOfItsOwn() {
        String office = harness.office("XX");
        HttpResponse<RegistrationResponse> shop = register(BOOKS_SHOP, "?office=XX", office);
        assertEquals(HttpStatus.CREATED, shop.getStatus());
        assertEquals("xx-books", shop.body().api().apiId());
        Map<String, Long> before = harness.rowCounts();

        Problem conflict = harness.problem(harness.upload(BOOKS_LIBRARY.getBytes(), MediaType.APPLICATION_YAML,
                office).uri(java.net.URI.create(APIS + "?office=XX")), 409);
        assertEquals(Problem.TYPE_BASE + "api-exists", conflict.type());
        assertTrue(conflict.detail().contains("API xx-books (\"Books\", office XX) already exists"), conflict.detail());
        assertTrue(conflict.detail().contains("/api/v1/catalog/apis/xx-books/versions"), conflict.detail());
        assertEquals(List.of("API xx-books already exists; POST /api/v1/catalog/apis/xx-books/versions adds a "
                + "version to it", "xx-books-2 is free"), conflict.errors().stream().map(ProblemError::message).toList());
        assertEquals(before, harness.rowCounts(), "no version, no feed event, no audit entry");
        assertEquals(1, harness.feedEvents("xx-books").size());

        HttpResponse<RegistrationResponse> library = register(BOOKS_LIBRARY, "?office=XX&apiId=xx-books-2", office);
        assertEquals(HttpStatus.CREATED, library.getStatus());
        assertEquals(RegistrationOutcome.CREATED, library.body().outcome());
        assertEquals(1, library.body().version());
        assertEquals(null, library.body().diffVerdict(), "nothing to compare a new API with");
        assertEquals(1, versions("xx-books").size(), "the first API is untouched");
        assertEquals(1, versions("xx-books-2").size());
        assertEquals("3.0.0", versions("xx-books-2").get(0).specVersion());
    }

    @Test
    void theSameSpecAgainIsHarmlessAndOnlyTheVersionsEndpointAddsAVersion() {
        String office = harness.office("XY");
        String v1 = BOOKS_SHOP.replace("Books", "Atlases");
        assertEquals(HttpStatus.CREATED, register(v1, "?office=XY", office).getStatus());
        HttpResponse<RegistrationResponse> again = register(v1, "?office=XY", office);
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals(RegistrationOutcome.UNCHANGED, again.body().outcome());

        String v2 = v1.replace("version: v1", "version: v2");
        harness.problem(harness.upload(v2.getBytes(), MediaType.APPLICATION_YAML, office)
                .uri(java.net.URI.create(APIS + "?office=XY&apiId=xy-atlases")), 409);
        HttpResponse<RegistrationResponse> second = harness.exchange(harness.newVersion("xy-atlases", v2.getBytes(),
                MediaType.APPLICATION_YAML, office), RegistrationResponse.class);
        assertEquals(HttpStatus.CREATED, second.getStatus());
        assertEquals(RegistrationOutcome.NEW_VERSION, second.body().outcome());
        assertEquals(2, second.body().version());
        harness.problem(harness.newVersion("xy-nothing", v2.getBytes(), MediaType.APPLICATION_YAML, office), 404);
    }

    @Test
    void aSingleFileSentAsMultipartIsStoredAsThatFile() {
        String json = """
                {"swagger": "2.0", "info": {"title": "Single part", "version": "1"},
                 "paths": {"/parts": {"get": {"responses": {"200": {"description": "ok"}}}}}}""";
        MultipartBody body = MultipartBody.builder()
                .addPart("spec", "swagger.json", MediaType.APPLICATION_JSON_TYPE, json.getBytes()).build();
        HttpResponse<RegistrationResponse> created = harness.exchange(HttpRequest.POST(APIS + "?office=XZ", body)
                .contentType(MediaType.MULTIPART_FORM_DATA).bearerAuth(harness.office("XZ")), RegistrationResponse.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        VersionResponse version = harness.exchange(HttpRequest.GET(APIS + "/xz-single-part/versions/1")
                .bearerAuth(harness.anonymous()), VersionResponse.class).body();
        assertEquals("application/json", version.mediaType());
        assertEquals("upload", version.origin());
        assertEquals(SpecIntake.sha256(json.getBytes()), version.contentSha256());
        HttpResponse<byte[]> original = harness.exchange(HttpRequest.GET(APIS + "/xz-single-part/versions/1/spec")
                .bearerAuth(harness.anonymous()), byte[].class);
        assertEquals(json, new String(original.body()), "served back as the file it was");
    }

    private HttpResponse<RegistrationResponse> register(String spec, String query, String token) {
        return harness.exchange(harness.upload(spec.getBytes(), MediaType.APPLICATION_YAML, token)
                .uri(java.net.URI.create(APIS + query)), RegistrationResponse.class);
    }

    private List<VersionSummary> versions(String apiId) {
        return client.toBlocking().retrieve(HttpRequest.GET(APIS + "/" + apiId + "/versions")
                .bearerAuth(harness.anonymous()), io.micronaut.core.type.Argument.listOf(VersionSummary.class));
    }
}
