package org.ipdex.gateway.limit;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.Problem;
import org.ipdex.gateway.BackendStub;
import org.ipdex.gateway.RawHttp;
import org.ipdex.gateway.RawHttp.Answer;
import org.ipdex.gateway.account.ApiKeyRequest;
import org.ipdex.gateway.account.ApiKeys;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing API keys: three wrong keys per 30 s per client address here. Each test uses client addresses of its
 * own (raw sockets bound to 127.x.y.z), against the real gateway database that holds the keys.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyGuessingTest implements TestPropertyProvider {

    private static final String WRONG = "ipdex_00000000_notarealsecretnotarealsecret";

    private final BackendStub backend = BackendStub.start();

    @Inject
    EmbeddedServer server;
    @Inject
    ApiKeys apiKeys;
    String rightKey;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestStack.serviceProperties("gateway");
        properties.put("micronaut.server.port", "-1");
        properties.put("micronaut.server.host", "0.0.0.0");
        properties.put("ipdex.backends.catalog.url", backend.url());
        properties.put("ipdex.backends.authority.url", backend.url());
        properties.put("ipdex.backends.search.url", backend.url());
        properties.put("ipdex.api-keys.guessing.max-failures", "3");
        properties.put("ipdex.api-keys.guessing.window", "30s");
        return properties;
    }

    @BeforeAll
    void issueKey() {
        rightKey = apiKeys.issue(new ApiKeyRequest("guessing test", Roles.ADMIN, null)).apiKey();
    }

    @AfterAll
    void stopBackend() {
        backend.close();
    }

    @Test
    void afterTooManyWrongKeysEvenTheRightKeyIsAnswered429UntilRetryAfter() throws IOException {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(401, search("127.0.1.1", WRONG + attempt).status());
        }
        int forwarded = backend.received().size();

        Answer blocked = search("127.0.1.1", WRONG + 4);
        assertEquals(429, blocked.status(), blocked.body());
        assertTrue(blocked.header("Content-Type").startsWith(Problem.MEDIA_TYPE), blocked.header("Content-Type"));
        assertTrue(blocked.body().contains("More than 3 wrong API keys from this address in 30 s"), blocked.body());
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "one attempt comes back every 30/3 s: " + retryAfter);

        Answer right = search("127.0.1.1", rightKey);
        assertEquals(429, right.status(), "a right key gains nothing while the address is blocked: " + right.body());
        assertEquals(forwarded, backend.received().size(), "nothing was forwarded");
        assertEquals(200, search("127.0.1.1", null).status(), "anonymous reading needs no key check");
    }

    @Test
    void otherAddressesAndRightKeysAreNotSlowedDown() throws IOException {
        for (int attempt = 1; attempt <= 4; attempt++) {
            search("127.0.2.1", WRONG + attempt);
        }
        assertEquals(429, search("127.0.2.1", rightKey).status());

        assertEquals(200, search("127.0.2.2", rightKey).status(), "another address keeps its allowance");
        assertEquals(401, search("127.0.2.2", WRONG).status(), "and is told a wrong key is wrong");
        for (int request = 0; request < 10; request++) {
            assertEquals(200, search("127.0.2.3", rightKey).status(), "a right key never counts as a failure");
        }
    }

    private Answer search(String from, String key) throws IOException {
        return RawHttp.send(from, server.getPort(), "GET /api/v1/search/apis?q=x HTTP/1.1\r\n", key, "");
    }
}
