package org.ipdex.authority.ingest;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.authority.AuthorityApi;
import org.ipdex.authority.AuthorityTest;
import org.ipdex.common.problem.Problem;
import org.ipdex.stack.SsrfTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.ipdex.authority.AuthorityApi.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every spelling of {@link SsrfTargets} as an authority file's {@code sourceUrl}, directly and as a redirect from an
 * allow-listed host, then DNS rebinding. The victim listens on 127.0.0.1 and must never be asked; the allowed host
 * is 127.0.0.2 (allow-listed as an administrator would list an office's intranet mirror).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceUrlMatrixTest extends AuthorityTest {

    private static final AtomicInteger HOPS = new AtomicInteger();

    HttpServer victim;
    HttpServer allowed;
    final AtomicInteger victimRequests = new AtomicInteger();
    final AtomicInteger allowedRequests = new AtomicInteger();

    @Override
    protected void configure(Map<String, String> properties) {
        properties.put("ipdex.ingest.allowed-source-hosts[0]", "127.0.0.2");
        properties.put("ipdex.test.fake-dns", "true");
    }

    @BeforeAll
    void setUp() throws IOException {
        victim = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        victim.createContext("/", exchange -> {
            victimRequests.incrementAndGet();
            byte[] body = resource("ep.csv");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        victim.start();
        allowed = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        allowed.createContext("/", exchange -> {
            allowedRequests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/hop/")) {
                String target = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Location", target);
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] body = resource("ep.csv");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        allowed.start();
    }

    @AfterAll
    void tearDown() {
        victim.stop(0);
        allowed.stop(0);
    }

    static List<SsrfTargets.Target> targets() {
        return SsrfTargets.all();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aSourceUrlIsRefused(SsrfTargets.Target target) {
        assertRefused(target, fetch(target.url(victim.getAddress().getPort())));
        assertEquals(0, victimRequests.get(), "nothing reached the victim");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aRedirectFromAnAllowedHostIsRefused(SsrfTargets.Target target) {
        int before = allowedRequests.get();
        String hop = "http://127.0.0.2:" + allowed.getAddress().getPort() + "/hop/" + HOPS.incrementAndGet() + "?"
                + encode(target.url(victim.getAddress().getPort()));
        assertRefused(target, fetch(hop));
        assertEquals(before + 1, allowedRequests.get(), "the first hop was fetched");
        assertEquals(0, victimRequests.get(), "the second was not");
    }

    /** The rebinding name answers 127.0.0.2 first, 10.0.0.1 afterwards; the JDK itself cannot resolve it. */
    @Test
    void aNameIsResolvedOnceAndTheConnectionPinnedToTheCheckedAddress() {
        SsrfTargets.forget(SsrfTargets.REBINDING_NAME);
        String url = "http://" + SsrfTargets.REBINDING_NAME + ":" + allowed.getAddress().getPort() + "/ep.csv";
        AuthorityApi.Answer first = api.upload("EP", "layout=epo-csv&wait=true&sourceUrl=" + encode(url), new byte[0]);
        assertEquals(201, first.status(), first.body());
        assertEquals(1, SsrfTargets.lookups(SsrfTargets.REBINDING_NAME), "one look-up per fetch");

        int before = allowedRequests.get();
        AuthorityApi.Answer again = api.upload("EP", "layout=epo-csv&wait=true&sourceUrl=" + encode(url), new byte[0]);
        assertEquals(400, again.status(), again.body());
        assertTrue(again.body().contains(SsrfTargets.REBINDING_NAME + " resolves to 10.0.0.1"), again.body());
        assertEquals(before, allowedRequests.get());
    }

    private AuthorityApi.Answer fetch(String url) {
        return api.upload("EP", "layout=epo-csv&wait=true&sourceUrl=" + encode(url), new byte[0]);
    }

    private static void assertRefused(SsrfTargets.Target target, AuthorityApi.Answer answer) {
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith(Problem.MEDIA_TYPE), answer.contentType());
        String detail = answer.node().get("detail").getStringValue();
        assertTrue(detail.contains("refused: "), detail);
        assertTrue(detail.contains(target.names()), () -> "names " + target.names() + ": " + detail);
        assertTrue(detail.contains(target.reason()), () -> "says why (" + target.reason() + "): " + detail);
        assertFalse(detail.contains("secret"), detail);
        assertEquals("sourceUrl", answer.node().get("errors").get(0).get("parameter").getStringValue());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
