package org.ipdex.gateway.portal;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.gateway.BackendStub;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's real addresses: a browser gets the portal's page at each, an API client the 404 problem, and only an
 * operation's page may connect to the servers its API declares (and only to their plain origins).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPagesTest implements TestPropertyProvider {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final List<String> PAGES = List.of("/search?q=legal+status&lang=zh", "/apis/ep-quokka",
            "/apis/ep-quokka/operations/getLegalEvents", "/offices/EP", "/offices/EP/scorecard", "/pct", "/coverage",
            "/coverage/5b1d", "/account", "/admin");

    private static final Pattern WEBJAR_IMPORT = Pattern.compile("import[^\"]*\"(/webjars/[^\"]+)\"");

    private final BackendStub backend = BackendStub.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestStack.serviceProperties("gateway");
        properties.put("ipdex.backends.catalog.url", backend.url());
        properties.put("ipdex.backends.authority.url", backend.url());
        properties.put("ipdex.backends.search.url", backend.url());
        return properties;
    }

    @AfterAll
    void stopBackend() {
        backend.close();
    }

    @Test
    void aBrowserGetsThePortalAtEveryPageAddress() throws Exception {
        for (String page : PAGES) {
            HttpResponse<String> answer = get(page, BROWSER);
            assertEquals(200, answer.statusCode(), page);
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
            assertTrue(answer.body().contains("<script type=\"module\" src=\"/js/app.js\"></script>"), page);
            assertEquals("no-cache", answer.headers().firstValue("Cache-Control").orElse(""), page);
        }
    }

    @Test
    void anApiClientGetsAProblemAtAPageAddress() throws Exception {
        for (String accept : new String[] {"application/json", "*/*", "text/html;q=0"}) {
            for (String page : PAGES) {
                HttpResponse<String> answer = get(page, accept);
                assertEquals(404, answer.statusCode(), page + " with " + accept);
                assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), page);
                assertTrue(answer.body().contains("\"status\":404") && answer.body().contains("/docs"), answer.body());
            }
        }
    }

    @Test
    void unknownAddressesStayProblemsForBrowsersToo() throws Exception {
        for (String path : List.of("/api/v1/nothing", "/api/v1/offices", "/apis", "/apis/a/b", "/search/more")) {
            HttpResponse<String> answer = get(path, BROWSER);
            assertEquals(404, answer.statusCode(), path);
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").contains("json"), path);
        }
    }

    @Test
    void onlyAnOperationsPageMayConnectToItsApisServers() throws Exception {
        // as the catalogue answers: the API names its latest version, each version carries its own servers
        backend.serve("/api/v1/catalog/apis/ep-quokka", "application/json", """
                {"apiId": "ep-quokka", "latestVersion": 2}""");
        backend.serve("/api/v1/catalog/apis/ep-quokka/versions/1", "application/json", """
                {"number": 1, "servers": ["https://old.example.org/v1"]}""");
        backend.serve("/api/v1/catalog/apis/ep-quokka/versions/2", "application/json", """
                {"number": 2, "servers": ["https://api.example.org/quokka", "http://127.0.0.1:9999/x",
                   "https://evil.example.org; script-src *", "javascript:alert(1)", "https://*.example.org",
                   "ftp://files.example.org/", "/relative"]}""");
        String operation = policy(get("/apis/ep-quokka/operations/getLegalEvents", BROWSER));
        assertEquals("connect-src 'self' http://127.0.0.1:9999 https://api.example.org", directive(operation, "connect-src"));
        assertEquals(SecurityHeadersFilter.pagePolicy("http://127.0.0.1:9999 https://api.example.org"), operation);
        for (String page : List.of("/apis/ep-quokka", "/search?q=x", "/")) {
            assertEquals(SecurityHeadersFilter.PAGE_POLICY, policy(get(page, BROWSER)), page);
        }
        String unknown = policy(get("/apis/ep-missing/operations/x", BROWSER));
        assertEquals("connect-src 'self'", directive(unknown, "connect-src"), "no API to read: nothing extra");
    }

    /** markdown.js imports marked and DOMPurify by versioned webjar paths: each must be served, as JavaScript. */
    @Test
    void theMarkdownLibrariesAreServedFromTheirWebjars() throws Exception {
        String script = get("/js/markdown.js", "*/*").body();
        Matcher imports = WEBJAR_IMPORT.matcher(script);
        int found = 0;
        while (imports.find()) {
            found++;
            HttpResponse<String> library = get(imports.group(1), "*/*");
            assertEquals(200, library.statusCode(), imports.group(1));
            assertTrue(library.headers().firstValue("Content-Type").orElse("").contains("javascript"), imports.group(1));
        }
        assertEquals(2, found, script);
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String policy(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.uri().toString());
        return answer.headers().firstValue("Content-Security-Policy").orElse("");
    }

    private static String directive(String policy, String name) {
        return Stream.of(policy.split(";")).map(String::strip).filter(part -> part.startsWith(name + " "))
                .findFirst().orElse("");
    }
}
