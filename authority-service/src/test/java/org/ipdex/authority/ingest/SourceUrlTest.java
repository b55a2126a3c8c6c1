package org.ipdex.authority.ingest;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.authority.AuthorityApi;
import org.ipdex.authority.AuthorityTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.ipdex.authority.AuthorityApi.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sourceUrl}: loopback and private addresses are refused, also when a redirect leads there, unless the
 * administrator allow-listed the host (here {@code localhost}, so that the test can serve a file at all).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceUrlTest extends AuthorityTest {

    HttpServer files;
    final AtomicInteger fileRequests = new AtomicInteger();

    @Override
    protected void configure(Map<String, String> properties) {
        properties.put("ipdex.ingest.allowed-source-hosts[0]", "localhost");
    }

    @BeforeAll
    void setUp() throws IOException {
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/ep.csv", exchange -> {
            fileRequests.incrementAndGet();
            byte[] body = resource("ep.csv");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        files.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/ep.csv");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        files.start();
    }

    @AfterAll
    void tearDown() {
        files.stop(0);
    }

    @Test
    void loopbackIsRefusedDirectlyAndAfterARedirectButAnAllowListedHostIsFetched() {
        AuthorityApi.Answer direct = fetch("http://127.0.0.1:" + port() + "/ep.csv");
        assertEquals(400, direct.status(), direct.body());
        assertTrue(direct.body().contains("not a public address"), direct.body());
        AuthorityApi.Answer metadata = fetch("http://169.254.169.254/latest/meta-data/");
        assertEquals(400, metadata.status(), metadata.body());
        AuthorityApi.Answer scheme = fetch("file:///etc/passwd");
        assertEquals(400, scheme.status(), scheme.body());
        assertEquals(0, fileRequests.get());

        AuthorityApi.Answer redirected = fetch("http://localhost:" + port() + "/moved");
        assertEquals(400, redirected.status(), redirected.body());
        assertEquals(0, fileRequests.get(), "the redirect target was not requested");

        AuthorityApi.Answer allowed = fetch("http://localhost:" + port() + "/ep.csv");
        assertEquals(201, allowed.status(), allowed.body());
        assertEquals(5, allowed.node().get("edition").get("setSize").getLongValue());
        assertEquals("http://localhost:" + port() + "/ep.csv", allowed.node().get("edition").get("sourceUrl").getStringValue());
    }

    private AuthorityApi.Answer fetch(String url) {
        return api.upload("EP", "layout=epo-csv&wait=true&sourceUrl=" + URLEncoder.encode(url, StandardCharsets.UTF_8),
                new byte[0]);
    }

    private int port() {
        return files.getAddress().getPort();
    }
}
