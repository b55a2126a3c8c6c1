package org.ipdex.authority;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorityServiceTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    IdentityTokens tokens;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestStack.serviceProperties("authority");
    }

    @Test
    void readinessChecksTheDatabase() {
        String readiness = client.toBlocking().retrieve(HttpRequest.GET("/health/readiness"));
        assertTrue(readiness.contains("\"jdbc\""), readiness);
        assertTrue(readiness.contains("\"status\":\"UP\""), readiness);
    }

    @Test
    void theFeedIsServedToServicesOnly() throws Exception {
        var empty = client.toBlocking().exchange(HttpRequest.GET("/internal/v1/changes?after=0")
                .bearerAuth(tokens.forThisService()), String.class);
        assertEquals(HttpStatus.OK, empty.getStatus());
        assertEquals("0", empty.header("X-Feed-Head"));
        assertTrue(empty.getBody().isEmpty(), "no events yet");
        // a plain JDK client: Micronaut clients in this JVM add a service token to /internal/** by design
        var plain = java.net.http.HttpClient.newHttpClient();
        var anonymous = plain.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.getURL() + "/internal/v1/changes")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void anUnknownPathIsNotFoundEvenWithAValidToken() throws Exception {
        var plain = java.net.http.HttpClient.newHttpClient();
        var answer = plain.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.getURL() + "/api/v1/authority/nothingHere"))
                .header("Authorization", "Bearer " + tokens.issue(org.ipdex.common.identity.Identity.anonymous()))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void itsOwnOpenApiDocumentIsServed() {
        String document = client.toBlocking().retrieve(HttpRequest.GET("/openapi/ipdex-authority-1.yml"));
        assertTrue(document.contains("title: ipdex authority"), document);
    }
}
