package org.ipdex.gateway.portal;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.gateway.BackendStub;
import org.ipdex.gateway.RawHttp;
import org.ipdex.gateway.RawHttp.Answer;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser-hardening headers on a page, a static asset, {@code /docs}, a forwarded API answer and the gateway's
 * own refusals; and the portal's HTML has nothing inline that {@code script-src 'self'} would block.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest implements TestPropertyProvider {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private final BackendStub backend = BackendStub.start();

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
    void pagesAndAssetsGetTheContentSecurityPolicy() throws IOException {
        for (String path : List.of("/", "/index.html", "/js/app.js", "/portal.css", "/docs", "/docs/swagger-initializer.js")) {
            Answer answer = get(path, null);
            assertEquals(200, answer.status(), path);
            String policy = answer.header("Content-Security-Policy");
            assertEquals(SecurityHeadersFilter.PAGE_POLICY, policy, path);
            assertTrue(policy.contains("script-src 'self';"), policy);
            assertFalse(scriptSources(policy).contains("unsafe"), policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), policy);
            assertBrowserHardening(path, answer);
        }
    }

    @Test
    void apiAnswersAndRefusalsAllowNothing() throws IOException {
        Answer forwarded = get("/api/v1/search/apis?q=x", null);
        assertEquals(200, forwarded.status(), forwarded.body());
        Answer refused = get("/api/v1/search/apis?q=x", "ipdex_00000000_notarealsecretnotarealsecret");
        assertEquals(401, refused.status(), refused.body());
        Answer missing = get("/no-such-page", null);
        assertEquals(404, missing.status());
        for (Answer answer : List.of(forwarded, refused)) {
            assertEquals(SecurityHeadersFilter.API_POLICY, answer.header("Content-Security-Policy"));
            assertBrowserHardening("API", answer);
        }
        assertBrowserHardening("404", missing);
    }

    @Test
    void thePortalHasNoInlineScriptsOrEventHandlers() throws IOException, URISyntaxException {
        Path publicDir = Path.of(getClass().getResource("/public/index.html").toURI()).getParent();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(publicDir)) {
            pages = files.filter(file -> file.toString().endsWith(".html")).toList();
        }
        assertFalse(pages.isEmpty());
        for (Path page : pages) {
            assertInlineFree(page.toString(), Files.readString(page));
        }
        try (InputStream docs = getClass().getResourceAsStream("/docs/index.html")) {
            assertInlineFree("docs/index.html", new String(docs.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void assertInlineFree(String name, String html) {
        assertFalse(INLINE_SCRIPT.matcher(html).find(), name + " has an inline <script>");
        assertFalse(HANDLER.matcher(html).find(), name + " has an on*= handler");
        assertFalse(html.contains("javascript:"), name + " has a javascript: URL");
    }

    private static void assertBrowserHardening(String what, Answer answer) {
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
        assertEquals("DENY", answer.header("X-Frame-Options"), what);
        assertEquals("strict-origin-when-cross-origin", answer.header("Referrer-Policy"), what);
    }

    private static String scriptSources(String policy) {
        return Stream.of(policy.split(";")).map(String::strip).filter(part -> part.startsWith("script-src"))
                .findFirst().orElse("");
    }

    private Answer get(String path, String key) throws IOException {
        return RawHttp.send("127.0.0.1", server.getPort(), "GET " + path + " HTTP/1.1\r\n", key, "");
    }
}
