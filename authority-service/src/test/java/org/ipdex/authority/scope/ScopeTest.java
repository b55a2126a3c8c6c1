package org.ipdex.authority.scope;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.authority.fixture.AuthorityFixtures;
import org.ipdex.authority.fixture.AuthorityFixtures.Rec;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.Problem;
import org.ipdex.common.problem.ProblemError;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    IdentityTokens tokens;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return TestStack.serviceProperties("scope");
    }

    @Test
    void theSeedIsVersionOneAndStaysReadableAfterEdits() {
        Scope seed = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/authority/scope?version=1")
                .bearerAuth(publicToken()), Scope.class);
        assertEquals(1, seed.version());
        assertEquals("seed", seed.createdBy());
        assertEquals(15, seed.entries().size(), "one entry per line of the shipped CSV");
        ScopeEntry su = seed.entries().stream().filter(e -> e.office().equals("SU")).findFirst().orElseThrow();
        assertEquals(List.of("A1", "A3"), su.kinds());
        assertEquals(1920, su.fromYear());
        assertEquals(1991, su.toYear());

        Scope saved = put("""
                {"entries": [{"office": "ep", "kinds": ["A1", "b1"], "fromYear": 1978, "note": "EPO"}]}""");
        assertTrue(saved.version() > 1);
        assertEquals("admin-1", saved.createdBy());
        assertEquals(new ScopeEntry("EP", List.of("A1", "B1"), 1978, null, "EPO"), saved.entries().get(0));
        Scope current = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/authority/scope")
                .bearerAuth(publicToken()), Scope.class);
        assertEquals(saved.version(), current.version());
        Scope stillOne = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/authority/scope?version=1")
                .bearerAuth(publicToken()), Scope.class);
        assertEquals(15, stillOne.entries().size(), "old versions are kept");

        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/authority/scope?version=9999").bearerAuth(publicToken())));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
    }

    @Test
    void onlyAnAdministratorMayChangeTheScope() {
        String body = "{\"entries\": [{\"office\": \"EP\", \"kinds\": [\"A1\"], \"fromYear\": 1978}]}";
        String office = tokens.issue(new Identity("office-EP", Set.of(Roles.OFFICE), Optional.of("EP")));
        for (Map.Entry<String, HttpStatus> caller : Map.of(office, HttpStatus.FORBIDDEN,
                publicToken(), HttpStatus.UNAUTHORIZED).entrySet()) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.PUT("/api/v1/authority/scope", body)
                            .contentType(MediaType.APPLICATION_JSON).bearerAuth(caller.getKey())));
            assertEquals(caller.getValue(), refused.getStatus());
        }
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.PUT("/api/v1/authority/scope", body)
                        .contentType(MediaType.APPLICATION_JSON)));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }

    @Test
    void anInvalidScopeIsRefusedWithAPointerForEachMistake() {
        String body = """
                {"entries": [
                  {"office": "EPO", "kinds": ["A1"], "fromYear": 1978},
                  {"office": "US", "kinds": ["A12", "B"], "fromYear": "soon"},
                  {"office": "JP", "kinds": ["A"], "fromYear": 2000, "toYear": 1990},
                  {"office": "DE", "kinds": [], "fromYear": 1500},
                  {"office": "CN", "kinds": ["A"], "fromYear": 1985},
                  {"office": "CN", "kinds": ["A", "B"], "fromYear": 2000},
                  "EP"
                ]}""";
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.PUT("/api/v1/authority/scope", body)
                        .contentType(MediaType.APPLICATION_JSON).bearerAuth(adminToken()),
                        Argument.of(Scope.class), Argument.of(Problem.class)));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
        List<String> pointers = problem.errors().stream().map(ProblemError::pointer).toList();
        assertEquals(List.of("/entries/0/office", "/entries/1/kinds/0", "/entries/1/fromYear", "/entries/2/toYear",
                "/entries/3/kinds", "/entries/3/fromYear", "/entries/5", "/entries/6"), pointers, problem.toString());
        assertTrue(problem.errors().get(6).message().contains("/entries/4"), problem.errors().get(6).message());

        HttpClientResponseException empty = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.PUT("/api/v1/authority/scope", "{}")
                        .contentType(MediaType.APPLICATION_JSON).bearerAuth(adminToken()),
                        Argument.of(Scope.class), Argument.of(Problem.class)));
        assertEquals("/entries", empty.getResponse().getBody(Problem.class).orElseThrow().errors().get(0).pointer());
    }

    @Test
    void theStatusShowsAgeCountsGapsAndKinds() {
        LocalDate produced = LocalDate.now().minusDays(40);
        AuthorityFixtures.activeEdition(dataSource, "KR", produced, List.of(
                Rec.of("1020000000001", "A", "2000-01-05"),
                Rec.of("1020000000002", "A", "2001-02-05"),
                Rec.of("1020030000001", "A", "2003-03-05"),
                Rec.of("200001", "B1", "2003-04-05"),
                Rec.of("300001", "S", "2004-04-05")));
        int currentYear = LocalDate.now().getYear();
        put("""
                {"entries": [
                  {"office": "KR", "kinds": ["A", "B1", "U"], "fromYear": 1999, "toYear": 2004},
                  {"office": "RU", "kinds": ["C1"], "fromYear": 1992}
                ]}""");
        ScopeStatus status = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/authority/scope/status")
                .bearerAuth(publicToken()), ScopeStatus.class);
        OfficeStatus kr = status.offices().stream().filter(o -> o.office().equals("KR")).findFirst().orElseThrow();
        assertTrue(kr.authorityFile());
        assertEquals(produced, kr.producedOn());
        assertEquals(ChronoUnit.DAYS.between(produced, LocalDate.now()), kr.ageDays());
        assertEquals(5, kr.recordCount());
        assertEquals(2000, kr.firstYear());
        assertEquals(2004, kr.lastYear());
        assertEquals(List.of(new OfficeStatus.YearRange(1999, 1999), new OfficeStatus.YearRange(2002, 2002),
                new OfficeStatus.YearRange(2004, 2004)), kr.gaps(), "2004 has only a kind outside the scope");
        assertEquals(List.of("U"), kr.kindsNeverSeen());
        assertEquals(List.of("S"), kr.kindsOutsideScope());
        OfficeStatus ru = status.offices().stream().filter(o -> o.office().equals("RU")).findFirst().orElseThrow();
        assertEquals(false, ru.authorityFile());
        assertTrue(currentYear >= 2024);
    }

    private Scope put(String body) {
        return client.toBlocking().retrieve(HttpRequest.PUT("/api/v1/authority/scope", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(adminToken()), Scope.class);
    }

    private String adminToken() {
        return tokens.issue(new Identity("admin-1", Set.of(Roles.ADMIN), Optional.empty()));
    }

    private String publicToken() {
        return tokens.issue(Identity.anonymous());
    }
}
