package org.ipdex.catalog.lint;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.catalog.diff.DiffReport;
import org.ipdex.catalog.diff.Verdict;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.Problem;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lint and diff routes over HTTP, against a real PostgreSQL. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LintApiTest implements TestPropertyProvider {

    private static final String V1 = """
            openapi: 3.0.3
            info: {title: Lint test API, version: 1.0.0, description: Written for the lint tests}
            paths:
              /v1/patents/:
                get:
                  operationId: listPatents
                  parameters:
                    - {name: Kind, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              publicationNumber: {type: string}
                              title: {type: string}
            """;
    private static final String V2 = V1.replaceFirst(" *title: \\{type: string}\n", "")
            .replace("version: 1.0.0", "version: 2.0.0");

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
    void aDryRunReportsViolationsWithPointersAndLinesAndStoresNothing() {
        LintReport report = client.toBlocking().retrieve(post("/api/v1/catalog/lintReports", V1, anonymous()),
                LintReport.class);
        Violation slash = report.violations().stream().filter(v -> v.ruleId().equals("st90.uri.no-trailing-slash"))
                .findFirst().orElseThrow();
        assertEquals("/paths/~1v1~1patents~1", slash.pointer());
        assertEquals(4, slash.line());
        assertEquals(Level.MUST, slash.severity());
        assertTrue(report.score() < 100);
        assertTrue(report.level() == Grade.A || report.level() == Grade.NONE, "a MUST rule fails");
    }

    @Test
    void anUnreadableSpecIsAProblem() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(post("/api/v1/catalog/lintReports", "{\"hello\": ", anonymous()),
                        Argument.of(LintReport.class), Argument.of(Problem.class)));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
    }

    @Test
    void storedVersionsAreLintedAndDiffedAndAnOfficeMayExceptARule() {
        register(V1);
        assertNotNull(client.toBlocking().exchange(post("/api/v1/catalog/apis/ep-lint-test-api/versions", V2,
                officeToken("EP"))));
        String office = officeToken("EP");
        LintReport report = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/catalog/apis/ep-lint-test-api/versions/1/lint").bearerAuth(anonymous()),
                LintReport.class);
        assertTrue(report.violations().stream().anyMatch(v -> v.ruleId().equals("st90.uri.no-trailing-slash")));

        HttpResponse<ExemptionResponse> created = client.toBlocking().exchange(post(
                "/api/v1/catalog/apis/ep-lint-test-api/lintExceptions",
                "{\"ruleId\":\"st90.uri.no-trailing-slash\",\"justification\":\"Kept for existing clients until v2\"}",
                office).contentType(MediaType.APPLICATION_JSON), ExemptionResponse.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        LintReport excepted = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/catalog/apis/ep-lint-test-api/versions/1/lint").bearerAuth(anonymous()),
                LintReport.class);
        assertTrue(excepted.violations().stream().noneMatch(v -> v.ruleId().equals("st90.uri.no-trailing-slash")));
        assertTrue(excepted.excepted().stream().allMatch(Violation::excepted));
        assertFalse(excepted.excepted().isEmpty());

        HttpClientResponseException foreign = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(post("/api/v1/catalog/apis/ep-lint-test-api/lintExceptions",
                        "{\"ruleId\":\"st90.uri.no-trailing-slash\",\"justification\":\"Not my API at all, though\"}",
                        officeToken("US")).contentType(MediaType.APPLICATION_JSON)));
        assertEquals(HttpStatus.FORBIDDEN, foreign.getStatus());

        DiffReport diff = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/catalog/apis/ep-lint-test-api/diff?from=1&to=2").bearerAuth(anonymous()), DiffReport.class);
        assertEquals(Verdict.POSSIBLY_BREAKING, diff.verdict());
        String markdown = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/catalog/apis/ep-lint-test-api/diff?from=1&to=2").accept("text/markdown").bearerAuth(anonymous()));
        assertTrue(markdown.contains("## Possibly breaking changes"), markdown);
        assertTrue(markdown.contains("Optional property 'title' of the 200 response of GET /v1/patents/"), markdown);
        String html = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/catalog/apis/ep-lint-test-api/diff?from=1&to=2&format=html").bearerAuth(anonymous()));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    }

    @Test
    void onlyAnAdministratorReGradesARuleAndReportsFollow() {
        String rule = "st90.uri.lower-camel-case-query-parameters";
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(put("/api/v1/catalog/lintRules/" + rule, "{\"enabled\":false}", officeToken("EP"))));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());

        RuleView regraded = client.toBlocking().retrieve(put("/api/v1/catalog/lintRules/" + rule,
                "{\"enabled\":true,\"level\":\"MAY\"}", admin()), RuleView.class);
        assertEquals(Level.MAY, regraded.level());
        assertEquals(Level.MUST, regraded.defaultLevel());
        LintReport report = client.toBlocking().retrieve(post("/api/v1/catalog/lintReports", V1, anonymous()),
                LintReport.class);
        assertEquals(Level.MAY, report.violations().stream().filter(v -> v.ruleId().equals(rule)).findFirst()
                .orElseThrow().severity());

        client.toBlocking().retrieve(put("/api/v1/catalog/lintRules", "[{\"ruleId\":\"" + rule + "\",\"enabled\":false}]",
                admin()), Argument.listOf(RuleView.class));
        LintReport without = client.toBlocking().retrieve(post("/api/v1/catalog/lintReports", V1, anonymous()),
                LintReport.class);
        assertTrue(without.violations().stream().noneMatch(v -> v.ruleId().equals(rule)));
        List<RuleView> rules = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/catalog/lintRules")
                .bearerAuth(anonymous()), Argument.listOf(RuleView.class));
        assertTrue(rules.size() >= 30);
        assertFalse(rules.stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow().enabled());
        client.toBlocking().retrieve(put("/api/v1/catalog/lintRules/" + rule, "{\"enabled\":true}", admin()),
                RuleView.class);

        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(put("/api/v1/catalog/lintRules", "[{\"ruleId\":\"nope\",\"enabled\":false}]", admin())));
        assertEquals(HttpStatus.BAD_REQUEST, unknown.getStatus());
    }

    private void register(String spec) {
        HttpResponse<?> response = client.toBlocking().exchange(post("/api/v1/catalog/apis", spec, officeToken("EP")));
        assertNotNull(response);
    }

    private static MutableHttpRequest<String> post(String uri, String body, String token) {
        return HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_YAML).bearerAuth(token);
    }

    private static MutableHttpRequest<String> put(String uri, String body, String token) {
        return HttpRequest.PUT(uri, body).contentType(MediaType.APPLICATION_JSON).bearerAuth(token);
    }

    private String anonymous() {
        return tokens.issue(Identity.anonymous());
    }

    private String admin() {
        return tokens.issue(new Identity("admin", Set.of(Roles.ADMIN), Optional.empty()));
    }

    private String officeToken(String office) {
        return tokens.issue(new Identity("office-" + office, Set.of(Roles.OFFICE), Optional.of(office)));
    }
}
