package org.ipdex.search.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.Problem;
import org.ipdex.search.SearchServiceTest;
import org.ipdex.search.SearchTests;
import org.ipdex.search.query.ApiHit;
import org.ipdex.search.query.OperationHit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.ipdex.search.StubFeed.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchControllerTest extends SearchServiceTest {

    @BeforeAll
    void fiveApisOfThreeOffices() {
        feed.appendApi("ep-register", "EP", "European Patent Register", "Procedural data of European applications",
                1, List.of(operation("get", "/register/{number}", "Register data of an application"),
                        operation("post", "/register/search", "Search the register")));
        feed.appendApi("ep-ops", "EP", "Open Patent Services", "Bibliographic data, legal status, patent families",
                1, List.of(operation("get", "/family/{number}", "Patent family of a publication")));
        feed.appendApi("us-odp", "US", "Open Data Portal", "Bulk data of the USPTO including patent grants", 1,
                List.of(operation("get", "/grants", "List patent grants")));
        feed.appendApi("us-tsdr", "US", "Trademark Status", "Status and documents of trademarks", 1, List.of());
        long last = feed.appendApi("jp-inpit", "JP", "Design search", "Registered designs of Japan", 1, List.of());
        SearchTests.await("all applied and searchable", () -> SearchTests.checkpoint(client(), "catalog") >= last
                && apis("/api/v1/search/apis?limit=100").size() == 5);
    }

    @Test
    void aMatchInTheTitleRanksAboveOneInTheDescription() {
        List<ApiHit> hits = apis("/api/v1/search/apis?q=patent");
        Set<String> top = Set.copyOf(hits.subList(0, 2).stream().map(ApiHit::apiId).toList());
        assertEquals(Set.of("ep-register", "ep-ops"), top, "titles with 'patent' first: " + hits);
        assertTrue(hits.stream().anyMatch(hit -> hit.apiId().equals("us-odp")), "the description counts too");
        assertTrue(hits.get(0).score() > hits.get(hits.size() - 1).score());
    }

    @Test
    void typosAreForgivenAndQuotedPhrasesAreKeptTogether() {
        assertTrue(apis("/api/v1/search/apis?q=trademrk").stream().anyMatch(hit -> hit.apiId().equals("us-tsdr")));
        List<ApiHit> phrase = apis(uri("/api/v1/search/apis", "q", "\"legal status\""));
        assertEquals(List.of("ep-ops"), phrase.stream().map(ApiHit::apiId).toList());
        assertNotNull(phrase.get(0).highlight());
        assertTrue(phrase.get(0).highlight().contains("<em>legal status</em>"), phrase.get(0).highlight());
        assertTrue(apis(uri("/api/v1/search/apis", "q", "\"status legal\"")).isEmpty(), "a phrase is not its words");
    }

    @Test
    void filtersByOfficeAndMethod() {
        assertEquals(Set.of("us-odp", "us-tsdr"), Set.copyOf(apis("/api/v1/search/apis?office=us").stream()
                .map(ApiHit::apiId).toList()));
        List<OperationHit> posts = operations("/api/v1/search/operations?q=register&method=POST");
        assertEquals(List.of("/register/search"), posts.stream().map(OperationHit::path).toList());
    }

    @Test
    void cursorsWalkEveryHitOnceInTitleOrder() {
        List<String> titles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<ApiHit> page = page("/api/v1/search/apis?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.items().forEach(hit -> {
                assertTrue(seen.add(hit.apiId()), "repeated " + hit.apiId());
                titles.add(hit.title());
                assertNull(hit.score(), "a listing has no relevance");
            });
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(5, seen.size());
        assertEquals(3, pages);
        assertEquals(titles.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), titles);

        Page<ApiHit> first = page("/api/v1/search/apis?q=patent&limit=1");
        Page<ApiHit> second = page("/api/v1/search/apis?q=patent&limit=1&cursor=" + first.next());
        assertNotEquals(first.items().get(0).apiId(), second.items().get(0).apiId());
    }

    @Test
    void queryDslInTheSearchTextIsJustText() {
        for (String q : List.of("title:foo AND {\"script\":{\"source\":\"ctx._source\"}}", "\"unbalanced",
                "((( [*", "patent~2 OR /reg.*/ && -", "\\", "*")) {
            HttpResponse<String> response = exchange(uri("/api/v1/search/apis", "q", q));
            assertTrue(response.getStatus().getCode() == 200 || response.getStatus().getCode() == 400,
                    q + " -> " + response.getStatus());
            HttpResponse<String> operations = exchange(uri("/api/v1/search/operations", "q", q));
            assertTrue(operations.getStatus().getCode() == 200 || operations.getStatus().getCode() == 400,
                    q + " -> " + operations.getStatus());
        }
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertProblem("/api/v1/search/apis?limit=100000", "limit");
        assertProblem("/api/v1/search/apis?limit=0", "limit");
        assertProblem("/api/v1/search/operations?limit=101", "limit");
        assertProblem("/api/v1/search/apis?cursor=garbage", "cursor");
        assertProblem("/api/v1/search/operations?cursor=" + page("/api/v1/search/apis?limit=1").next(), "cursor");
        assertProblem("/api/v1/search/apis?office=European", "office");
        assertProblem("/api/v1/search/operations?method=fetch", "method");
        assertProblem(uri("/api/v1/search/apis", "q", "x".repeat(501)), "q");
    }

    @Test
    void withoutAnIdentityTokenSearchIsRefused() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client().exchange(HttpRequest.GET("/api/v1/search/apis?q=patent")));
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        assertEquals(HttpStatus.OK, client().exchange(HttpRequest.GET("/health")).getStatus());
    }

    private void assertProblem(String uri, String parameter) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client().exchange(HttpRequest.GET(uri).bearerAuth(token()), Argument.of(String.class),
                        Argument.of(Problem.class)));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus(), uri);
        assertEquals(Problem.MEDIA_TYPE, refused.getResponse().getContentType().orElseThrow().toString());
        Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
        assertFalse(problem.errors().isEmpty(), uri);
        assertEquals(parameter, problem.errors().get(0).parameter(), uri);
    }

    private HttpResponse<String> exchange(String uri) {
        try {
            return client().exchange(HttpRequest.GET(uri).bearerAuth(token()), String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }

    private static String uri(String path, String name, String value) {
        return UriBuilder.of(URI.create(path)).queryParam(name, value).build().toString();
    }

    private List<ApiHit> apis(String uri) {
        return page(uri).items();
    }

    @SuppressWarnings("unchecked")
    private Page<ApiHit> page(String uri) {
        return client().retrieve(HttpRequest.GET(uri).bearerAuth(token()), Argument.of(Page.class, ApiHit.class));
    }

    @SuppressWarnings("unchecked")
    private List<OperationHit> operations(String uri) {
        Page<OperationHit> page = client().retrieve(HttpRequest.GET(uri).bearerAuth(token()),
                Argument.of(Page.class, OperationHit.class));
        return page.items();
    }
}
