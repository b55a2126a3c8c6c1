package org.ipdex.gateway.docs;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.inject.Inject;
import org.ipdex.gateway.BackendStub;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /docs} over stub services: catalog and authority publish small documents that clash the way real ones do
 * (a shared {@code Problem} that is identical, a {@code Page} that is not, an operation id used twice, an internal
 * path), and search is down.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsTest implements TestPropertyProvider {

    private static final String PROBLEM = """
                Problem:
                  type: object
                  properties:
                    title:
                      type: string
            """;

    private static final String CATALOG = """
            openapi: 3.0.1
            info: {title: ipdex catalog, version: "1"}
            tags:
            - name: catalog
              description: APIs and their versions
            paths:
              /api/v1/catalog/apis:
                get:
                  tags: [catalog]
                  operationId: list
                  responses:
                    "200":
                      description: A page
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Page"}
              /internal/v1/changes:
                get:
                  operationId: changes
                  responses: {"200": {description: the feed}}
              /health:
                get:
                  operationId: health
                  responses: {"200": {description: up}}
              /.well-known/api-catalog:
                get:
                  operationId: apiCatalog
                  responses: {"200": {description: the linkset}}
            components:
              schemas:
                Page:
                  type: object
                  properties:
                    items: {type: array, items: {type: string}}
            """ + PROBLEM;

    private static final String AUTHORITY = """
            openapi: 3.0.1
            info: {title: ipdex authority, version: "1"}
            tags:
            - name: authority
            paths:
              /api/v1/authority/editions/{editionId}:
                get:
                  tags: [authority]
                  operationId: list
                  parameters:
                  - {name: editionId, in: path, required: true, schema: {type: string}}
                  responses:
                    "200":
                      description: A page of records
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Page"}
                    "404":
                      description: No such edition
                      content:
                        application/problem+json:
                          schema: {$ref: "#/components/schemas/Problem"}
            components:
              schemas:
                Page:
                  type: object
                  properties:
                    records: {type: array, items: {type: integer}}
            """ + PROBLEM;

    private final BackendStub catalog = BackendStub.start();
    private final BackendStub authority = BackendStub.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    MergedApiDocument document;

    @Override
    public Map<String, String> getProperties() {
        catalog.serve("/openapi/ipdex-catalog-1.yml", "application/yaml", CATALOG);
        authority.serve("/openapi/ipdex-authority-1.yml", "application/yaml", AUTHORITY);
        Map<String, String> properties = TestStack.serviceProperties("gateway");
        properties.put("micronaut.server.port", "-1");
        properties.put("ipdex.backends.catalog.url", catalog.url());
        properties.put("ipdex.backends.authority.url", authority.url());
        properties.put("ipdex.backends.search.url", BackendStub.deadUrl());
        properties.put("ipdex.docs.server-url", "https://ipdex.example");
        return properties;
    }

    @AfterAll
    void stopBackends() {
        catalog.close();
        authority.close();
    }

    @Test
    void theMergedDocumentHasEveryPublicPathAndTheGatewayAsItsOnlyServer() {
        OpenAPI merged = fetch("/docs/openapi.json");

        assertEquals("ipdex public API", merged.getInfo().getTitle());
        assertEquals(1, merged.getServers().size());
        assertEquals("https://ipdex.example", merged.getServers().get(0).getUrl());
        Set<String> paths = new TreeSet<>(merged.getPaths().keySet());
        assertTrue(paths.containsAll(List.of("/api/v1/catalog/apis", "/.well-known/api-catalog",
                "/api/v1/authority/editions/{editionId}", "/api/v1/admin/apiKeys", "/api/v1/admin/offices",
                "/api/v1/offices/{code}/scorecard")),
                paths.toString());
        assertFalse(paths.contains("/internal/v1/changes"), "internal paths stay internal");
        assertFalse(paths.contains("/health"));
        assertEquals(Set.of("catalog", "authority", "admin", "offices"),
                Set.copyOf(merged.getTags().stream().map(tag -> tag.getName()).toList()));
        assertNotNull(merged.getComponents().getSecuritySchemes().get("apiKey"));
    }

    @Test
    void clashingNamesAreRenamedAndIdenticalComponentsKeptOnce() {
        OpenAPI merged = fetch("/docs/openapi.yaml");
        Map<String, Schema> schemas = merged.getComponents().getSchemas();

        assertNotNull(schemas.get("Problem"));
        assertNull(schemas.get("CatalogProblem"), "the same Problem is not duplicated");
        // services merge in name order: authority's Page keeps its name, catalog's different one is renamed
        assertTrue(schemas.get("Page").getProperties().containsKey("records"));
        assertTrue(schemas.get("CatalogPage").getProperties().containsKey("items"));
        assertEquals("#/components/schemas/CatalogPage", merged.getPaths().get("/api/v1/catalog/apis")
                .getGet().getResponses().get("200").getContent().get("application/json").getSchema().get$ref());
        assertEquals("list", merged.getPaths().get("/api/v1/authority/editions/{editionId}").getGet()
                .getOperationId());
        assertEquals("catalogList", merged.getPaths().get("/api/v1/catalog/apis").getGet().getOperationId(),
                "operation ids are unique in one document");
    }

    @Test
    void aServiceThatIsDownIsNamedInTheDescription() {
        String description = fetch("/docs/openapi.json").getInfo().getDescription();
        assertTrue(description.contains("Incomplete") && description.contains("search (unreachable)"), description);
    }

    @Test
    void theDocumentIsRebuiltWhenAServicesDocumentChanges() {
        HttpResponse<String> before = client.toBlocking().exchange(HttpRequest.GET("/docs/openapi.json"), String.class);
        HttpResponse<?> unchanged = client.toBlocking().exchange(HttpRequest.GET("/docs/openapi.json")
                .header(HttpHeaders.IF_NONE_MATCH, before.header(HttpHeaders.ETAG)));
        assertEquals(HttpStatus.NOT_MODIFIED, unchanged.getStatus());

        catalog.serve("/openapi/ipdex-catalog-1.yml", "application/yaml",
                CATALOG.replace("/api/v1/catalog/apis:", "/api/v1/catalog/offices:"));
        document.refresh();

        HttpResponse<String> after = client.toBlocking().exchange(HttpRequest.GET("/docs/openapi.json"), String.class);
        assertNotEquals(before.header(HttpHeaders.ETAG), after.header(HttpHeaders.ETAG));
        assertTrue(after.body().contains("/api/v1/catalog/offices"));
        catalog.serve("/openapi/ipdex-catalog-1.yml", "application/yaml", CATALOG);
        document.refresh();
    }

    @Test
    void swaggerUiComesFromTheWebjarAndPointsAtTheMergedDocument() {
        String page = client.toBlocking().retrieve("/docs");
        assertTrue(page.contains("/webjars/swagger-ui/5."), page);
        assertFalse(page.contains("https://"), "no CDN");
        String bundle = page.replaceAll("(?s).*src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle.js)\".*", "$1");
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET(bundle), byte[].class).getStatus());
        assertTrue(client.toBlocking().retrieve("/docs/swagger-initializer.js").contains("/docs/openapi.json"));
    }

    @Test
    void theApiCatalogStillGoesToTheCatalogService() {
        HttpResponse<String> linkset = client.toBlocking().exchange(HttpRequest.GET("/.well-known/api-catalog"),
                String.class);
        assertEquals(HttpStatus.OK, linkset.getStatus());
        assertEquals("/.well-known/api-catalog", catalog.last().path());
    }

    private OpenAPI fetch(String path) {
        String text = client.toBlocking().retrieve(path);
        OpenAPI parsed = new OpenAPIParser().readContents(text, null, null).getOpenAPI();
        assertNotNull(parsed, text);
        return parsed;
    }
}
