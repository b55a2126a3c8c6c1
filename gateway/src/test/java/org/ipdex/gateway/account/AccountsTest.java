package org.ipdex.gateway.account;

import com.nimbusds.jwt.JWTClaimsSet;
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
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.Problem;
import org.ipdex.gateway.BackendStub;
import org.ipdex.gateway.IdentityTokenAssert;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offices and keys through the admin API, and what each key may do at the door. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsTest implements TestPropertyProvider {

    private final BackendStub backend = BackendStub.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApiKeys apiKeys;

    @Inject
    ApiKeyRepository keys;

    @Inject
    OfficeRepository offices;

    private String adminKey;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestStack.serviceProperties("gateway");
        properties.put("micronaut.server.port", "-1");
        properties.put("ipdex.backends.catalog.url", backend.url());
        properties.put("ipdex.backends.authority.url", backend.url());
        properties.put("ipdex.backends.search.url", backend.url());
        properties.put("ipdex.api-keys.cache-ttl", "1s");
        return properties;
    }

    @BeforeAll
    void anAdministratorExists() {
        adminKey = apiKeys.issue(new ApiKeyRequest("test admin", Roles.ADMIN, null)).apiKey();
    }

    @AfterAll
    void stopBackend() {
        backend.close();
    }

    @Test
    void anAdminCreatesAnOfficeAndAKeyThatActsForThatOffice() throws ParseException {
        createOffice("EP", "European Patent Office");
        IssuedApiKeyResponse issued = issueKey("EP upload bot", "office", "EP");
        assertTrue(issued.apiKey().startsWith("ipdex_" + issued.prefix() + "_"), issued.apiKey());
        assertEquals(1, keys.findById(issued.keyId()).stream().count());
        assertFalse(new String(keys.findById(issued.keyId()).orElseThrow().secretHash()).contains(issued.apiKey()),
                "only a hash is stored");

        HttpResponse<String> registered = client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/catalog/apis", "openapi: 3.0.3").contentType(MediaType.APPLICATION_YAML)
                .bearerAuth(issued.apiKey()), String.class);

        assertEquals(HttpStatus.OK, registered.getStatus());
        JWTClaimsSet claims = IdentityTokenAssert.verifiedClaims(backend.last().header("Authorization"));
        assertEquals(List.of(Roles.OFFICE), claims.getStringListClaim("roles"));
        assertEquals("EP", claims.getClaim("office"));
        assertEquals("key:" + issued.prefix(), claims.getSubject());
        assertNotEquals(issued.apiKey(), backend.last().header("Authorization").substring(7),
                "the key itself never reaches a backend");

        ApiKeyResponse listed = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/apiKeys/" + issued.keyId())
                .bearerAuth(adminKey), ApiKeyResponse.class);
        assertNotNull(listed.lastUsedAt(), "use is recorded");
    }

    @Test
    void anAdminKeyIsForwardedAsAnAdmin() throws ParseException {
        client.toBlocking().exchange(HttpRequest.GET("/api/v1/authority/scope").bearerAuth(adminKey), String.class);
        JWTClaimsSet claims = IdentityTokenAssert.verifiedClaims(backend.last().header("Authorization"));
        assertEquals(List.of(Roles.ADMIN), claims.getStringListClaim("roles"));
        assertNull(claims.getClaim("office"));
    }

    @Test
    void rotationGivesANewSecretAndRetiresTheOldOne() {
        createOffice("DE", "Deutsches Patent- und Markenamt");
        IssuedApiKeyResponse first = issueKey("DE key", "office", "DE");
        assertEquals(HttpStatus.OK, get("/api/v1/search/apis", first.apiKey()).getStatus());

        IssuedApiKeyResponse rotated = client.toBlocking().retrieve(HttpRequest.POST(
                "/api/v1/admin/apiKeys/" + first.keyId() + "/rotation", "").bearerAuth(adminKey),
                IssuedApiKeyResponse.class);

        assertNotEquals(first.apiKey(), rotated.apiKey());
        assertEquals(first.keyId(), rotated.rotatedFrom());
        assertEquals("DE", rotated.officeCode());
        assertUnauthorized(first.apiKey());
        assertEquals(HttpStatus.OK, get("/api/v1/search/apis", rotated.apiKey()).getStatus());
        assertNotNull(keys.findById(first.keyId()).orElseThrow().revokedAt());
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        IssuedApiKeyResponse issued = issueKey("short-lived admin", "admin", null);
        assertEquals(HttpStatus.OK, get("/api/v1/catalog/apis", issued.apiKey()).getStatus());

        HttpResponse<?> revoked = client.toBlocking().exchange(HttpRequest.DELETE(
                "/api/v1/admin/apiKeys/" + issued.keyId()).bearerAuth(adminKey));

        assertEquals(HttpStatus.NO_CONTENT, revoked.getStatus());
        assertUnauthorized(issued.apiKey());
    }

    @Test
    void aKeyRevokedElsewhereIsRefusedOnceItsCacheEntryExpires() throws InterruptedException {
        IssuedApiKeyResponse issued = issueKey("revoked by another gateway", "admin", null);
        assertEquals(HttpStatus.OK, get("/api/v1/catalog/apis", issued.apiKey()).getStatus());

        keys.revoke(issued.keyId()); // as another gateway instance would: this one's cache is not told
        Thread.sleep(1100);

        assertUnauthorized(issued.apiKey());
    }

    @Test
    void onlyAdminsUseTheAdminApi() {
        createOffice("FR", "Institut national de la propriété industrielle");
        IssuedApiKeyResponse office = issueKey("FR key", "office", "FR");

        HttpClientResponseException forbidden = assertThrows(HttpClientResponseException.class,
                () -> get("/api/v1/admin/offices", office.apiKey()));
        assertProblem(forbidden, HttpStatus.FORBIDDEN);

        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/admin/apiKeys")));
        assertProblem(anonymous, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anOfficeCodeMustBeAnSt3Code() {
        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/offices", Map.of(
                        "code", "ep", "name", "lower case", "country", "Nowhere", "contactEmail", "a@b.example"))
                        .bearerAuth(adminKey)));
        Problem problem = assertProblem(invalid, HttpStatus.BAD_REQUEST);
        assertEquals("/code", problem.errors().get(0).pointer(), problem.toString());
        assertEquals(1, problem.errors().size(), problem.toString());
        assertFalse(offices.existsById("ep"));
    }

    @Test
    void aBodyOfAnotherTypeIsUnsupportedNotForbidden() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/offices", "code=QQ")
                        .contentType(MediaType.TEXT_PLAIN).bearerAuth(adminKey)));
        assertProblem(refused, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertFalse(offices.existsById("QQ"));
    }

    @Test
    void anOfficeIsCreatedOnce() {
        createOffice("JP", "Japan Patent Office");
        HttpClientResponseException conflict = assertThrows(HttpClientResponseException.class,
                () -> createOffice("JP", "Japan Patent Office"));
        assertProblem(conflict, HttpStatus.CONFLICT);

        OfficeResponse office = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/offices/JP")
                .bearerAuth(adminKey), OfficeResponse.class);
        assertEquals("Japan Patent Office", office.name());
        Page<OfficeResponse> page = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/offices?limit=200")
                .bearerAuth(adminKey), Argument.of(Page.class, OfficeResponse.class));
        assertTrue(page.items().stream().anyMatch(listed -> listed.code().equals("JP")));
        assertProblem(assertThrows(HttpClientResponseException.class, () -> get("/api/v1/admin/offices/XX", adminKey)),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void anOfficeKeyNeedsAnExistingOffice() {
        long before = keys.count();
        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class,
                () -> issueKey("orphan", "office", "ZZ"));
        assertProblem(invalid, HttpStatus.BAD_REQUEST);
        assertProblem(assertThrows(HttpClientResponseException.class, () -> issueKey("no office", "office", null)),
                HttpStatus.BAD_REQUEST);
        assertEquals(before, keys.count());
    }

    @Test
    void theLastAdminKeyCannotBeRevoked() {
        // revoke every other admin key first, through the service, so this test does not depend on the others
        List<UUID> admins = keys.findAll().stream().filter(key -> key.isActive() && key.role().equals(Roles.ADMIN))
                .map(ApiKey::id).toList();
        String onlyAdmin = apiKeys.issue(new ApiKeyRequest("sole admin", Roles.ADMIN, null)).apiKey();
        UUID onlyAdminId = keys.findByPrefix(ApiKeyFormat.prefixOf(onlyAdmin).orElseThrow()).orElseThrow().id();
        admins.forEach(apiKeys::revoke);
        adminKey = onlyAdmin;

        HttpClientResponseException conflict = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.DELETE("/api/v1/admin/apiKeys/" + onlyAdminId)
                        .bearerAuth(onlyAdmin)));
        assertProblem(conflict, HttpStatus.CONFLICT);
        assertEquals(1, keys.countActive(Roles.ADMIN));
    }

    private void createOffice(String code, String name) {
        HttpResponse<OfficeResponse> created = client.toBlocking().exchange(HttpRequest.POST("/api/v1/admin/offices",
                        new OfficeRequest(code, name, "Somewhere", "api@" + code.toLowerCase() + ".example"))
                .bearerAuth(adminKey), OfficeResponse.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("/api/v1/admin/offices/" + code, created.header("Location"));
    }

    private IssuedApiKeyResponse issueKey(String name, String role, String officeCode) {
        HttpResponse<IssuedApiKeyResponse> issued = client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/admin/apiKeys", new ApiKeyRequest(name, role, officeCode)).bearerAuth(adminKey),
                IssuedApiKeyResponse.class);
        assertEquals(HttpStatus.CREATED, issued.getStatus());
        return issued.body();
    }

    private HttpResponse<String> get(String path, String key) {
        return client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(key), String.class);
    }

    private void assertUnauthorized(String key) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> get("/api/v1/search/apis", key));
        assertEquals("Unknown or revoked API key", assertProblem(refused, HttpStatus.UNAUTHORIZED).detail());
    }

    private static Problem assertProblem(HttpClientResponseException error, HttpStatus expected) {
        assertEquals(expected, error.getStatus());
        assertEquals(Problem.MEDIA_TYPE, error.getResponse().getContentType().orElseThrow().toString());
        Problem problem = error.getResponse().getBody(Problem.class).orElseThrow();
        assertEquals(expected.getCode(), problem.status());
        return problem;
    }
}
