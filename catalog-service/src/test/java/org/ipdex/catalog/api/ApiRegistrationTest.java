package org.ipdex.catalog.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.Problem;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRegistrationTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    IdentityTokens tokens;

    @Override
    public Map<String, String> getProperties() {
        return TestStack.serviceProperties("catalog");
    }

    @Test
    void anOfficeRegistersASwagger2SpecOnceAndTheFeedSaysSo() throws IOException {
        byte[] spec = resource("/specs/epo-ops-swagger2.yaml");
        HttpResponse<RegistrationResponse> created = client.toBlocking().exchange(
                register(spec, "EP"), RegistrationResponse.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        RegistrationResponse body = created.body();
        assertEquals("ep-open-patent-services-api", body.api().apiId(), body.api().title());
        assertEquals("EP", body.api().officeCode());
        assertEquals(1, body.version());
        assertEquals(RegistrationOutcome.CREATED, body.outcome());

        HttpResponse<RegistrationResponse> again = client.toBlocking().exchange(register(spec, "EP"),
                RegistrationResponse.class);
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals(RegistrationOutcome.UNCHANGED, again.body().outcome());
        assertEquals(1, again.body().version());

        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/internal/v1/changes?after=0")
                .bearerAuth(tokens.forThisService()), String.class);
        String feed = page.body();
        String[] lines = feed.strip().split("\n");
        String feedId = page.header(ChangeEvent.FEED_ID_HEADER);
        assertTrue(feedId != null && feedId.matches("[0-9a-f-]{36}"), "which database the feed comes from: " + feedId);
        assertEquals(feedId, client.toBlocking().exchange(HttpRequest.GET("/internal/v1/changes?after=1")
                .bearerAuth(tokens.forThisService()), String.class).header(ChangeEvent.FEED_ID_HEADER));
        assertEquals(2, lines.length, feed);
        assertTrue(lines[1].contains("\"type\":\"api.version.published\"") && lines[1].contains("\"version\":1"),
                "a new version is also announced as such, for webhooks: " + lines[1]);
        assertTrue(lines[0].contains("\"type\":\"api.upserted\"") && lines[0].contains("\"key\":\"ep-open-patent-services-api\""), lines[0]);
        assertTrue(lines[0].contains("\"method\":\"get\""), "operations travel with the API document");

        // what search shows is what the catalogue says, to the last digit (the column keeps microseconds)
        Matcher announced = Pattern.compile("\"updatedAt\":\"([^\"]+)\"").matcher(lines[0]);
        assertTrue(announced.find(), lines[0]);
        ApiResponse stored = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/catalog/apis/" + body.api().apiId())
                .bearerAuth(tokens.issue(Identity.anonymous())), ApiResponse.class);
        assertEquals(stored.updatedAt(), Instant.parse(announced.group(1)));
        assertEquals(stored.updatedAt(), body.api().updatedAt(), "the registration's answer");
    }

    @Test
    void withoutAnIdentityTokenEverythingButHealthIsRefused() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/catalog/apis")));
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/health")).getStatus());
    }

    @Test
    void aPublicTokenMayReadButNotRegister() {
        String publicToken = tokens.issue(Identity.anonymous());
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/catalog/apis").bearerAuth(publicToken)).getStatus());
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalog/apis", "{}")
                        .contentType(MediaType.APPLICATION_JSON).bearerAuth(publicToken)));
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
    }

    @Test
    void anOfficeMayNotRegisterForAnotherOffice() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(register("{}".getBytes(), "EP").uri(
                        java.net.URI.create("/api/v1/catalog/apis?office=US"))));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
    }

    @Test
    void notAnOpenApiDocumentIsAProblemNamingWhatIsMissing() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(register("{\"hello\": \"world\"}".getBytes(), "EP"),
                        Argument.of(RegistrationResponse.class), Argument.of(Problem.class)));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertEquals(Problem.MEDIA_TYPE, refused.getResponse().getContentType().orElseThrow().toString());
        Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
        assertTrue(problem.detail().startsWith("Not an OpenAPI or Swagger document"), problem.detail());
    }

    private io.micronaut.http.MutableHttpRequest<byte[]> register(byte[] spec, String office) {
        String token = tokens.issue(new Identity("office-" + office, Set.of(Roles.OFFICE), Optional.of(office)));
        return HttpRequest.POST("/api/v1/catalog/apis", spec).contentType(MediaType.APPLICATION_YAML).bearerAuth(token);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ApiRegistrationTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
