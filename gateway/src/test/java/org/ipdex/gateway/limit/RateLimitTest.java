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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits with tiny quotas and a 2 s window. Requests go over raw sockets so that each test can choose the
 * client address (any 127.x.y.z reaches the gateway on Linux): every test uses addresses of its own, so no test
 * spends another's quota.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest implements TestPropertyProvider {

    private static final Pattern RATE_LIMIT = Pattern.compile("\"(\\w+)\";r=(\\d+);t=(\\d+)");

    private final BackendStub backend = BackendStub.start();

    @Inject
    EmbeddedServer server;

    @Inject
    ApiKeys apiKeys;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestStack.serviceProperties("gateway");
        properties.put("micronaut.server.port", "-1");
        properties.put("micronaut.server.host", "0.0.0.0");
        properties.put("ipdex.backends.catalog.url", backend.url());
        properties.put("ipdex.backends.authority.url", backend.url());
        properties.put("ipdex.backends.search.url", backend.url());
        properties.put("ipdex.rate-limits.policies.expensive.quota", "3");
        properties.put("ipdex.rate-limits.policies.expensive.key-quota", "5");
        properties.put("ipdex.rate-limits.policies.expensive.window", "2s");
        properties.put("ipdex.rate-limits.policies.default.quota", "50");
        properties.put("ipdex.rate-limits.policies.default.window", "2s");
        return properties;
    }

    @AfterAll
    void stopBackend() {
        backend.close();
    }

    @Test
    void theQuotaRunsOutWithA429ThatSaysWhenToRetry() throws IOException {
        for (int remaining = 2; remaining >= 0; remaining--) {
            Answer ok = lint("127.0.0.11", null);
            assertEquals(200, ok.status(), ok.body());
            assertEquals("\"expensive\";q=3;w=2", ok.header("RateLimit-Policy"));
            Matcher limit = rateLimit(ok);
            assertEquals("expensive", limit.group(1));
            assertEquals(remaining, Integer.parseInt(limit.group(2)));
            assertTrue(Integer.parseInt(limit.group(3)) <= 2, ok.header("RateLimit"));
        }
        int forwarded = backend.received().size();

        Answer refused = lint("127.0.0.11", null);

        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.header("Content-Type").startsWith(Problem.MEDIA_TYPE), refused.header("Content-Type"));
        assertTrue(refused.body().contains("\"status\":429"), refused.body());
        assertTrue(refused.body().contains("'expensive' policy"), refused.body());
        assertEquals("1", refused.header("Retry-After"), "one token comes back every 2/3 s");
        assertEquals("\"expensive\";q=3;w=2", refused.header("RateLimit-Policy"));
        assertEquals("0", rateLimit(refused).group(2));
        assertEquals(forwarded, backend.received().size(), "a refused request never reaches the backend");
    }

    @Test
    void anotherAddressAndAnotherKeyHaveQuotasOfTheirOwn() throws IOException {
        while (lint("127.0.0.21", null).status() != 429) {
            // spend the first address's quota
        }
        assertEquals(200, lint("127.0.0.22", null).status(), "another address is not affected");

        String key = apiKeys.issue(new ApiKeyRequest("rate test", Roles.ADMIN, null)).apiKey();
        Answer keyed = lint("127.0.0.21", key);
        assertEquals(200, keyed.status(), "a key is counted by key, not by the address it shares");
        assertEquals("\"expensive\";q=5;w=2", keyed.header("RateLimit-Policy"));
        assertEquals("4", rateLimit(keyed).group(2));
    }

    @Test
    void theBucketRefillsWithinTheWindow() throws IOException, InterruptedException {
        Answer refused;
        do {
            refused = lint("127.0.0.31", null);
        } while (refused.status() != 429);
        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000);
        assertEquals(200, lint("127.0.0.31", null).status(), "a token came back after Retry-After");
    }

    @Test
    void otherRoutesFallUnderTheDefaultPolicyAndTheDocsAreNotLimited() throws IOException {
        Answer search = send("127.0.0.41", "GET /api/v1/search/apis?q=x HTTP/1.1\r\n", null, "");
        assertEquals(200, search.status());
        assertEquals("\"default\";q=50;w=2", search.header("RateLimit-Policy"));
        assertEquals("49", rateLimit(search).group(2));

        Answer health = send("127.0.0.41", "GET /health/liveness HTTP/1.1\r\n", null, "");
        assertNull(health.header("RateLimit"), "only the API is limited");
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        assertEquals(ClientAddresses.bucketOf("2001:db8:1:2:aaaa::1"), ClientAddresses.bucketOf("2001:db8:1:2::ffff"));
        assertFalse(ClientAddresses.bucketOf("2001:db8:1:2::1").equals(ClientAddresses.bucketOf("2001:db8:1:3::1")));
        assertEquals("192.0.2.7", ClientAddresses.bucketOf("192.0.2.7"));
        assertEquals("not-an-address.example", ClientAddresses.bucketOf("not-an-address.example"),
                "never resolved");
    }

    private Answer lint(String from, String key) throws IOException {
        return send(from, "POST /api/v1/catalog/lintReports HTTP/1.1\r\nContent-Type: application/yaml\r\n", key,
                "openapi: 3.0.3");
    }

    private static Matcher rateLimit(Answer answer) {
        Matcher matcher = RATE_LIMIT.matcher(String.valueOf(answer.header("RateLimit")));
        assertTrue(matcher.matches(), "RateLimit: " + answer.header("RateLimit"));
        return matcher;
    }

    private Answer send(String from, String head, String key, String body) throws IOException {
        return RawHttp.send(from, server.getPort(), head, key, body);
    }
}
