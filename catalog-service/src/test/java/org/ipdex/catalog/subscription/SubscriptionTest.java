package org.ipdex.catalog.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Atom feeds of new versions and breaking changes, and the RFC 9727 API catalog. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionTest extends CatalogTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: "Trade marks <&> designs", version: "%s", x-product-page-url: "https://example.org/tm"}
            paths:
            %s
            """;
    private static final String MARKS = "  /marks: {get: {responses: {'200': {description: ok}}}}\n";
    private static final String BOTH = MARKS + "  /designs: {get: {responses: {'200': {description: ok}}}}\n";
    private static final String ONE = MARKS;

    @Override
    protected void configure(Map<String, String> properties) {
        properties.put("ipdex.catalog.public-url", "https://ipdex.example.org");
    }

    @BeforeAll
    void registerTwoVersions() {
        upload(SPEC.formatted("1", BOTH));
        harness.exchange(harness.newVersion("em-trade-marks-designs", SPEC.formatted("2", ONE).getBytes(),
                MediaType.APPLICATION_YAML, harness.office("EM")), String.class); // /designs removed: breaking
    }

    @Test
    void theApiFeedListsVersionsNewestFirstWithBreakingChangesMarked() throws Exception {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(
                "/api/v1/catalog/apis/em-trade-marks-designs/changes").bearerAuth(harness.anonymous()), String.class);
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/atom+xml"));
        Document feed = xml(response.body());
        assertEquals(ATOM, feed.getDocumentElement().getNamespaceURI());
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(2, entries.getLength());
        Element newest = (Element) entries.item(0);
        assertTrue(text(newest, "title").startsWith("BREAKING CHANGE: Trade marks <&> designs version 2"),
                text(newest, "title"));
        assertEquals("breaking-change", ((Element) newest.getElementsByTagNameNS(ATOM, "category").item(0))
                .getAttribute("term"));
        assertEquals("https://ipdex.example.org/api/v1/catalog/apis/em-trade-marks-designs/versions/2",
                ((Element) newest.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"));
        assertEquals("new-version", ((Element) ((Element) entries.item(1)).getElementsByTagNameNS(ATOM, "category")
                .item(0)).getAttribute("term"));
    }

    @Test
    void theOfficeFeedCoversItsApisAndAnUnknownOfficeIsNotFound() throws Exception {
        Document feed = xml(harness.get("/api/v1/catalog/offices/em/changes", harness.anonymous()));
        assertEquals(2, feed.getElementsByTagNameNS(ATOM, "entry").getLength());
        harness.problem(HttpRequest.GET("/api/v1/catalog/offices/ZZ/changes").bearerAuth(harness.anonymous()), 404);
        harness.problem(HttpRequest.GET("/api/v1/catalog/apis/em-nothing/changes").bearerAuth(harness.anonymous()),
                404);
    }

    @Test
    void aClientThatAsksForJsonGetsTheSameEntriesAsJson() {
        JsonNode feed = CatalogHarness.json(client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/catalog/apis/em-trade-marks-designs/changes").accept(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(harness.anonymous())));
        assertEquals(2, feed.path("entries").size());
        assertEquals("breaking-change", feed.path("entries").get(0).path("kind").asText());
        assertEquals(2, feed.path("entries").get(0).path("version").asInt());
        assertEquals("new-version", feed.path("entries").get(1).path("kind").asText());
    }

    @Test
    void theApiCatalogIsALinksetOfEveryApi() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/.well-known/api-catalog")
                .bearerAuth(harness.anonymous()), String.class);
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/linkset+json"));
        JsonNode linkset = CatalogHarness.json(response.body()).path("linkset");
        assertEquals("https://ipdex.example.org/.well-known/api-catalog", linkset.get(0).path("anchor").asText());
        assertEquals("https://ipdex.example.org/api/v1/catalog/apis/em-trade-marks-designs",
                linkset.get(0).path("item").get(0).path("href").asText());
        JsonNode api = linkset.get(1);
        assertEquals("https://ipdex.example.org/api/v1/catalog/apis/em-trade-marks-designs/versions/2/spec",
                api.path("service-desc").get(0).path("href").asText());
        assertEquals("application/yaml", api.path("service-desc").get(0).path("type").asText());
        assertEquals("https://example.org/tm", api.path("service-doc").get(0).path("href").asText());
    }

    private void upload(String spec) {
        harness.exchange(harness.upload(spec.getBytes(), MediaType.APPLICATION_YAML, harness.office("EM")),
                String.class);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes("UTF-8")));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }
}
