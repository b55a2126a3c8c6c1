package org.ipdex.common.fetch;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pinned client's body framing, against a JDK server on allow-listed loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeHttpTest {

    private static final byte[] BODY = "x".repeat(100_000).getBytes(StandardCharsets.US_ASCII);

    private HttpServer server;
    private SafeHttp http;

    @BeforeAll
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // 0: the JDK server sends chunks
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < BODY.length; i += 7_000) {
                    out.write(BODY, i, Math.min(7_000, BODY.length - i));
                    out.flush();
                }
            }
        });
        server.createContext("/sized", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/sized");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/hook", exchange -> {
            byte[] received = exchange.getRequestBody().readAllBytes();
            byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Webhook-Id")
                    + " " + new String(received, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        http = new SafeHttp(new AddressPolicy(List.of("127.0.0.1/32"), host -> List.of(InetAddress.getByName(host))),
                Duration.ofSeconds(5), "test");
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @Test
    void chunkedAndSizedBodiesArriveWhole() throws IOException {
        for (String path : List.of("/chunked", "/sized", "/moved")) {
            try (PinnedResponse answer = http.get(url(path))) {
                assertEquals(200, answer.status(), path);
                assertArrayEquals(BODY, answer.body().readAllBytes(), path);
            }
        }
    }

    @Test
    void aPostSendsItsHeadersAndBodyAndDoesNotFollowARedirect() throws IOException {
        try (PinnedResponse answer = http.post(url("/hook"), Map.of("Webhook-Id", "e-1"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8))) {
            assertEquals(202, answer.status());
            assertEquals("POST e-1 {\"a\":1}", new String(answer.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        try (PinnedResponse moved = http.post(url("/moved"), Map.of(), new byte[0])) {
            assertEquals(301, moved.status(), "the redirect is the answer");
        }
        assertThrows(IllegalArgumentException.class, () -> http.post(url("/hook"),
                Map.of("X-Evil", "a\r\nHost: elsewhere"), new byte[0]), "no header injection");
        FetchException refused = assertThrows(FetchException.class,
                () -> http.post(URI.create("http://10.1.2.3/hook"), Map.of(), new byte[0]));
        assertTrue(refused.refused(), refused.getMessage());
    }

    @Test
    void aRefusalNamesTheUrlAndWhy() {
        FetchException refused = assertThrows(FetchException.class,
                () -> http.get(URI.create("http://user:pw@192.168.0.1:" + server.getAddress().getPort() + "/x")));
        assertTrue(refused.refused());
        assertEquals("http://192.168.0.1:" + server.getAddress().getPort()
                + "/x: a URL with a user name or password is not fetched", refused.getMessage());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
