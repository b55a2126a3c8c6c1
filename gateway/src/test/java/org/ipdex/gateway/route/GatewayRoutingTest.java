package org.ipdex.gateway.route;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.Problem;
import org.ipdex.gateway.BackendStub;
import org.ipdex.gateway.IdentityTokenAssert;
import org.ipdex.gateway.account.ApiKeyRequest;
import org.ipdex.gateway.account.ApiKeys;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing without keys: catalog and search are a stub backend, authority is down; search has a 1 s timeout and the
 * body limit is 1 MB so the limits can be tested quickly.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayRoutingTest implements TestPropertyProvider {

    private static final int LIMIT = 1024 * 1024;

    private final BackendStub backend = BackendStub.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    ApiKeys apiKeys;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestStack.serviceProperties("gateway");
        properties.put("micronaut.server.port", "-1");
        properties.put("ipdex.limits.max-body-size", String.valueOf(LIMIT));
        properties.put("ipdex.backends.catalog.url", backend.url());
        properties.put("ipdex.backends.search.url", backend.url());
        properties.put("ipdex.backends.search.timeout", "1s");
        properties.put("ipdex.backends.authority.url", BackendStub.deadUrl());
        // the down backend must keep answering "unreachable" in every test, not "circuit open"
        properties.put("ipdex.gateway.circuit-breaker.failures", "1000");
        // Micronaut refuses cross-origin requests to a server on localhost unless told this is intended
        properties.put("micronaut.server.cors.localhost-pass-through", "true");
        return properties;
    }

    @AfterAll
    void stopBackend() {
        backend.close();
    }

    @Test
    void anAnonymousReadIsForwardedWithAPublicIdentityToken() throws Exception {
        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/catalog/apis?office=EP&limit=5"),
                String.class);

        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("stub", response.header("X-Backend"), "the backend's own headers come back");
        BackendStub.Received received = backend.last();
        assertEquals("GET", received.method());
        assertEquals("/api/v1/catalog/apis", received.path());
        assertEquals("office=EP&limit=5", received.query());
        JWTClaimsSet claims = IdentityTokenAssert.verifiedClaims(received.header("Authorization"));
        assertEquals(List.of("public"), claims.getStringListClaim("roles"));
        assertNull(claims.getClaim("office"));
        assertEquals(response.header("X-Request-Id"), received.header("X-Request-Id"));
        assertEquals("127.0.0.1", received.header("X-Forwarded-For"));
        assertEquals("http", received.header("X-Forwarded-Proto"));
    }

    @Test
    void theSameIdTravelsToTheBackendAndBackWhenTheCallerSendsOne() {
        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/search/apis?q=legal").header("X-Request-Id", "client-42.a"), String.class);
        assertEquals("client-42.a", response.header("X-Request-Id"));
        assertEquals("client-42.a", backend.last().header("X-Request-Id"));
    }

    @Test
    void anInsaneRequestIdIsReplaced() {
        String tooLong = "x".repeat(200);
        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/suggest?q=leg").header("X-Request-Id", tooLong), String.class);
        String id = response.header("X-Request-Id");
        assertNotEquals(tooLong, id);
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        assertEquals("/api/v1/suggest", backend.last().path());
    }

    @Test
    void hopByHopHeadersStayAtTheGateway() throws IOException {
        // a raw request: HTTP clients manage the Connection header themselves and would not send this one
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /.well-known/api-catalog HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: X-Per-Hop\r\nX-Per-Hop: secret\r\nX-End-To-End: kept\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[12];
            assertEquals(12, socket.getInputStream().readNBytes(head, 0, 12));
            assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));
        }
        BackendStub.Received received = backend.last();
        assertEquals("/.well-known/api-catalog", received.path());
        assertNull(received.header("X-Per-Hop"));
        assertEquals("kept", received.header("X-End-To-End"));
    }

    @Test
    void anAnonymousWriteIsRefusedAtTheDoor() {
        int before = backend.received().size();
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalog/apis", "{}")
                        .contentType(MediaType.APPLICATION_JSON)));
        Problem problem = problem(refused, HttpStatus.UNAUTHORIZED);
        assertTrue(problem.detail().contains("API key"), problem.detail());
        assertEquals(refused.getResponse().header("X-Request-Id"), problem.requestId());
        assertTrue(refused.getResponse().header(HttpHeaders.WWW_AUTHENTICATE).startsWith("Bearer"));
        assertEquals(before, backend.received().size(), "the backend never saw the request");
    }

    @Test
    void theParityCheckIsRoutedToSearchButAnAnonymousCallerIsRefusedAtTheDoor() {
        int before = backend.received().size();
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/admin/parity")));
        Problem problem = problem(refused, HttpStatus.UNAUTHORIZED);
        assertTrue(problem.detail().contains("administrators"), problem.detail());
        assertEquals(before, backend.received().size(), "the backend never saw the request");
    }

    @Test
    void theListedPublicWritesNeedNoKey() {
        HttpResponse<String> linted = client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalog/lintReports",
                "openapi: 3.0.3").contentType(MediaType.APPLICATION_YAML), String.class);
        assertEquals(HttpStatus.OK, linted.getStatus());
        assertEquals("/api/v1/catalog/lintReports", backend.last().path());
        assertEquals(14, backend.last().bodyBytes());
    }

    @Test
    void anUnknownKeyIsRefusedEvenForAPublicRead() {
        for (String key : List.of("ipdex_abcdefghij_" + "A".repeat(43), "not-even-a-key")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/catalog/apis").bearerAuth(key)));
            assertEquals("Unknown or revoked API key", problem(refused, HttpStatus.UNAUTHORIZED).detail());
        }
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        for (String path : List.of("/api/v1/nothing", "/api/v1/catalogue", "/api/v2/catalog/apis")) {
            HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET(path)));
            Problem problem = problem(missing, HttpStatus.NOT_FOUND);
            assertEquals(path, problem.instance());
            assertTrue(missing.getResponse().header("X-Request-Id") != null);
        }
    }

    @Test
    void dotSegmentsCannotEscapeABackendsPublicPaths() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET(
                        URI.create("/api/v1/catalog/%2e%2e/%2e%2e/internal/v1/changes"))));
        problem(refused, HttpStatus.BAD_REQUEST);
    }

    @Test
    void aBackendThatIsDownIsAnUnavailableProblemAtOnce() {
        long start = System.nanoTime();
        HttpClientResponseException down = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/authority/statistics")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Problem problem = problem(down, HttpStatus.SERVICE_UNAVAILABLE);
        assertEquals("The authority service is unreachable", problem.detail());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
    }

    @Test
    void aSlowBackendIsAnUnavailableProblemAfterItsTimeout() {
        long start = System.nanoTime();
        HttpClientResponseException slow = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/search/slow")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Problem problem = problem(slow, HttpStatus.SERVICE_UNAVAILABLE);
        assertEquals("The search service did not answer within 1000 ms", problem.detail());
        assertTrue(took.compareTo(Duration.ofMillis(950)) > 0, "took " + took);
        assertTrue(took.compareTo(BackendStub.SLOW) < 0, "waited for the backend: " + took);
    }

    @Test
    void aBodyOverTheLimitIsATooLargeProblem() {
        HttpClientResponseException tooLarge = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalog/lintReports",
                        new byte[LIMIT + 1]).contentType(MediaType.APPLICATION_OCTET_STREAM)));
        problem(tooLarge, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    @Test
    void aStreamedBodyOverTheLimitIsATooLargeProblemToo() throws IOException, InterruptedException {
        // no Content-Length: the limit can only be noticed while the body streams in
        java.net.http.HttpResponse<String> response = jdk(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(new byte[3 * LIMIT])));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(Problem.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aStreamedBodyUnderTheLimitArrivesIntact() throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = jdk(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(new byte[LIMIT / 2])));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(LIMIT / 2, backend.last().bodyBytes());
    }

    @Test
    void aBodyUnderTheLimitStreamsThroughIntact() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalog/lintReports",
                new byte[LIMIT - 10]).contentType(MediaType.APPLICATION_OCTET_STREAM), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals(LIMIT - 10, backend.last().bodyBytes());
    }

    @Test
    void browsersOfAnyOriginMayRead() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/api/v1/search/apis?q=x")
                .header(HttpHeaders.ORIGIN, "https://examiner.example"), String.class);
        assertEquals("https://examiner.example", response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    @Test
    void thePortalIsServedAtTheRoot() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        assertEquals(HttpStatus.OK, page.getStatus());
        assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"));
        assertTrue(page.body().contains("src=\"/js/app.js\""), page.body());
        String shell = client.toBlocking().retrieve("/js/app.js");
        assertTrue(shell.contains("pages/"), "the shell loads its pages");
        String chinese = client.toBlocking().retrieve("/i18n/zh.json");
        assertTrue(chinese.contains("搜索"), "the Chinese texts are served");
    }

    @Test
    void healthIsDownWhileABackendIsDownAndSaysWhichToAKeyHolderOnly() {
        Map<String, Object> anonymous = health(HttpRequest.GET("/health"));
        assertEquals("DOWN", anonymous.get("status"));
        assertNull(anonymous.get("details"), "the public sees no internal addresses: " + anonymous);

        String key = apiKeys.issue(new ApiKeyRequest("health reader", Roles.ADMIN, null)).apiKey();
        Map<String, Object> health = health(HttpRequest.GET("/health").bearerAuth(key));
        assertEquals("DOWN", health.get("status"));
        Map<?, ?> details = (Map<?, ?>) health.get("details");
        assertEquals("UP", ((Map<?, ?>) details.get("jdbc")).get("status"), details.toString());
        Map<?, ?> backends = (Map<?, ?>) ((Map<?, ?>) details.get("backends")).get("details");
        assertEquals("UP", ((Map<?, ?>) backends.get("catalog")).get("status"));
        assertEquals("UP", ((Map<?, ?>) backends.get("search")).get("status"));
        assertEquals("DOWN", ((Map<?, ?>) backends.get("authority")).get("status"));
    }

    private Map<String, Object> health(HttpRequest<?> request) {
        HttpClientResponseException down = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Map.class));
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, down.getStatus());
        return down.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
    }

    @Test
    void theAccessLogRecordsTheStatusTheCallerGot() {
        ListAppender<ILoggingEvent> access = new ListAppender<>();
        access.start();
        Logger logger = (Logger) LoggerFactory.getLogger("org.ipdex.gateway.access");
        logger.addAppender(access);
        try {
            HttpClientResponseException down = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET("/health").header("X-Request-Id", "health-1")));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, down.getStatus());
            String line = awaitAccessLine(access, "health-1");
            assertTrue(line.startsWith("GET /health 503 "), line);
        } finally {
            logger.detachAppender(access);
        }
    }

    /** The line is written when the response has been sent, which may be a moment after the client has it. */
    private static String awaitAccessLine(ListAppender<ILoggingEvent> access, String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (ILoggingEvent event : List.copyOf(access.list)) {
                if (requestId.equals(event.getMDCPropertyMap().get("requestId"))) {
                    return event.getFormattedMessage();
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No access-log line for " + requestId + " in " + access.list);
    }

    @Test
    void aTooLongUriIsAClientErrorProblemNotAHang() throws IOException {
        // Netty's limit is 4 KB per request line; Micronaut answers 413 (414 would be more precise)
        String answer = raw("GET /api/v1/search/apis?q=" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertClientErrorProblem(answer);
    }

    @Test
    void tooLargeHeadersAreAClientErrorProblemNotAHang() throws IOException {
        String answer = raw("GET /api/v1/search/apis HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(20_000)
                + "\r\n\r\n");
        assertClientErrorProblem(answer);
    }

    @Test
    void invalidPercentEncodingIsABadRequestProblem() throws IOException {
        int before = backend.received().size();
        for (String target : List.of("/api/v1/catalog/apis/%zz", "/api/v1/catalog/apis/%E0%A4%A",
                "/api/v1/search/apis?q=%zz", "/api/v1/admin/offices/%zz", "/docs/%zz")) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), target + " => " + answer);
            assertClientErrorProblem(answer);
        }
        assertEquals(before, backend.received().size(), "nothing malformed was forwarded");
    }

    /** One raw request and the start of its answer; a server that hangs fails the read timeout. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[2000];
            int read = socket.getInputStream().readNBytes(answer, 0, 1);
            read += socket.getInputStream().read(answer, 1, answer.length - 1);
            return new String(answer, 0, read, StandardCharsets.US_ASCII);
        }
    }

    private static void assertClientErrorProblem(String answer) {
        int status = Integer.parseInt(answer.substring(9, 12));
        assertTrue(status >= 400 && status < 500, answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"),
                answer);
        assertTrue(answer.contains("\"status\":" + status), answer);
    }

    @Test
    void metricsArePublishedForPrometheus() {
        String metrics = client.toBlocking().retrieve("/prometheus");
        assertTrue(metrics.contains("jvm_memory_used_bytes"), metrics.substring(0, Math.min(500, metrics.length())));
    }

    /** The JDK's client sends a body of unknown length chunked, without a Content-Length. */
    private java.net.http.HttpResponse<String> jdk(java.net.http.HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/catalog/lintReports"))
                .header("Content-Type", "application/octet-stream").POST(body).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    static Problem problem(HttpClientResponseException error, HttpStatus expected) {
        assertEquals(expected, error.getStatus());
        assertEquals(Problem.MEDIA_TYPE, error.getResponse().getContentType().orElseThrow().toString());
        Problem problem = error.getResponse().getBody(Problem.class).orElseThrow();
        assertEquals(expected.getCode(), problem.status());
        assertFalse(problem.type().isBlank());
        return problem;
    }
}
