package org.ipdex.gateway.limit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import io.micronaut.runtime.server.EmbeddedServer;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.Problem;
import org.ipdex.gateway.BackendStub;
import org.ipdex.gateway.account.ApiKeyRequest;
import org.ipdex.gateway.account.ApiKeys;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authority uploads stream through with their own large limit while every other route keeps the 25 MB default,
 * chunked bodies included. The gateway may buffer at most {@code max-request-buffer-size} (1 MB here): a 40 MB body
 * that reached the backend whole was streamed, not held.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingUploadTest implements TestPropertyProvider {

    private static final long MB = 1024 * 1024;
    private static final long BODY = 40 * MB;

    private final BackendStub backend = BackendStub.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    EmbeddedServer server;

    @Inject
    ApiKeys apiKeys;

    private String adminKey;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestStack.serviceProperties("gateway");
        properties.put("micronaut.server.port", "-1");
        properties.put("micronaut.server.max-request-buffer-size", String.valueOf(MB));
        properties.put("ipdex.backends.catalog.url", backend.url());
        properties.put("ipdex.backends.authority.url", backend.url());
        properties.put("ipdex.backends.search.url", backend.url());
        return properties;
    }

    @BeforeAll
    void anAdministratorExists() {
        adminKey = apiKeys.issue(new ApiKeyRequest("upload test admin", Roles.ADMIN, null)).apiKey();
    }

    @AfterAll
    void stopBackend() {
        backend.close();
    }

    @Test
    void anEditionLargerThanTheDefaultLimitStreamsThroughChunked() throws Exception {
        HttpResponse<String> response = post("/api/v1/authority/offices/EP/editions", generated(BODY), adminKey);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("/api/v1/authority/offices/EP/editions", backend.last().path());
        assertEquals(BODY, backend.last().bodyBytes(), "every byte reached the backend");
    }

    @Test
    void aCoverageCheckLargerThanTheDefaultLimitStreamsThroughAnonymously() throws Exception {
        HttpResponse<String> response = post("/api/v1/authority/coverageChecks", generated(BODY), null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(BODY, backend.last().bodyBytes());
    }

    @Test
    void theSameBodyOnAnotherRouteIsTooLargeWhileItStreams() throws Exception {
        HttpResponse<String> response = post("/api/v1/catalog/apis", generated(BODY), adminKey);
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(Problem.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":413"), response.body());
    }

    @Test
    void aDeclaredLengthOverTheDefaultIsRefusedBeforeAnyByteIsForwarded() throws Exception {
        int before = backend.received().size();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/catalog/lintReports"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> generated(26 * MB)), 26 * MB))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(before, backend.received().size(), "the backend never saw it");
    }

    private HttpResponse<String> post(String path, InputStream body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/octet-stream")
                // no length given: the JDK client sends the body chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    /** Bytes made up as they are read, so the test itself never holds the body either. */
    private static InputStream generated(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? (int) (left % 251) : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) ((left - i) % 251);
                }
                left -= n;
                return n;
            }
        };
    }
}
