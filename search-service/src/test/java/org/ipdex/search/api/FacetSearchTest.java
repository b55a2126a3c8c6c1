package org.ipdex.search.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.common.problem.Problem;
import org.ipdex.search.SearchServiceTest;
import org.ipdex.search.SearchTests;
import org.ipdex.search.query.ApiHit;
import org.ipdex.search.query.FacetCount;
import org.ipdex.search.query.OperationHit;
import org.ipdex.search.query.SearchResults;
import org.ipdex.search.query.Suggestion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.ipdex.search.StubFeed.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facets, sort orders, suggestions and the parameter checks of the catalog searches. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetSearchTest extends SearchServiceTest {

    @BeforeAll
    void fourApisWithMetadata() {
        feed.appendApiDocument(api("ep-register", "EP", "European Patent Register", List.of("patent"),
                List.of("search"), "production", "AA", "up", "2024-01-01T00:00:00Z",
                List.of(operation("get", "/register/{number}", "Register data of an application"))), 1);
        feed.appendApiDocument(api("ep-marks", "EP", "Trade mark and patent bulk data", List.of("patent", "trademark"),
                List.of("register"), "production", "A", "down", "2025-01-01T00:00:00Z",
                List.of(operation("post", "/family/search", "Patent family search"))), 1);
        feed.appendApiDocument(api("us-tm", "US", "Trademark status", List.of("trademark"), List.of("search"),
                "beta", "AAA", "up", "2023-06-01T00:00:00Z",
                List.of(withNames(operation("get", "/status/{serial}", "Status of a trademark")))), 1);
        // an event written before catalog-service sent any metadata: indexed without it
        Map<String, Object> bare = new LinkedHashMap<>();
        bare.put("apiId", "jp-bare");
        bare.put("officeCode", "JP");
        bare.put("title", "Japanese design gazette");
        long last = feed.appendApiDocument(bare, 1);
        SearchTests.await("all applied", () -> SearchTests.checkpoint(client(), "catalog") >= last
                && apis("/api/v1/search/apis?limit=100").items().size() == 4
                && operations("/api/v1/search/operations?limit=100").items().size() == 3);
    }

    @Test
    void eachFacetCountsUnderTheOtherFiltersOnly() {
        SearchResults<ApiHit> patents = apis("/api/v1/search/apis?ipDomain=patent");
        assertEquals(Set.of("ep-register", "ep-marks"), ids(patents));
        // its own filter does not narrow a facet: "trademark" can still be added to the choice
        assertEquals(Map.of("patent", 2L, "trademark", 2L), counts(patents, "ipDomain"));
        assertEquals(Map.of("EP", 2L), counts(patents, "office"));
        assertEquals(Map.of("up", 1L, "down", 1L), counts(patents, "endpointStatus"));

        SearchResults<ApiHit> both = apis("/api/v1/search/apis?ipDomain=patent&ipDomain=trademark&office=US");
        assertEquals(Set.of("us-tm"), ids(both));
        assertEquals(Map.of("EP", 2L, "US", 1L), counts(both, "office"));
        assertEquals(Set.of("ep-register", "us-tm"), ids(apis("/api/v1/search/apis?serviceType=search")));
        assertEquals(Set.of("ep-register", "ep-marks"), ids(apis("/api/v1/search/apis?lifecycle=PRODUCTION")),
                "values match whatever their case");
        assertEquals(Set.of("us-tm"), ids(apis("/api/v1/search/apis?st90Level=AAA&q=trademark")));
        assertEquals(Map.of("1.0.1", 3L), counts(apis("/api/v1/search/apis"), "specVersion"));
    }

    @Test
    void sortsByTitleUpdateOrRelevance() {
        assertEquals(List.of("ep-marks", "ep-register", "us-tm", "jp-bare"),
                apis("/api/v1/search/apis?sort=updated").items().stream().map(ApiHit::apiId).toList(),
                "newest first, the API without a date last");
        assertEquals(List.of("ep-register", "jp-bare", "ep-marks", "us-tm"),
                apis("/api/v1/search/apis?sort=title").items().stream().map(ApiHit::apiId).toList());
        SearchResults<ApiHit> first = apis("/api/v1/search/apis?sort=updated&limit=2");
        SearchResults<ApiHit> second = apis("/api/v1/search/apis?sort=updated&limit=2&cursor=" + first.next());
        assertEquals(List.of("us-tm", "jp-bare"), second.items().stream().map(ApiHit::apiId).toList());
        assertNull(second.facets(), "facets come with the first page only");
        assertEquals("trademark", apis("/api/v1/search/apis?q=trademark&sort=relevance").items().get(0)
                .ipDomains().get(0));
    }

    @Test
    void operationsHaveTheApiFacetsAndTheMethod() {
        SearchResults<OperationHit> page = operations("/api/v1/search/operations?ipDomain=trademark");
        assertEquals(Set.of("/family/search", "/status/{serial}"),
                page.items().stream().map(OperationHit::path).collect(Collectors.toSet()));
        assertEquals(Map.of("get", 1L, "post", 1L), counts(page, "method"));
        assertEquals(List.of("/status/{serial}"), operations("/api/v1/search/operations?ipDomain=trademark"
                + "&method=GET").items().stream().map(OperationHit::path).toList());
        assertEquals(List.of("/status/{serial}"), operations("/api/v1/search/operations?q=serialNumber").items()
                .stream().map(OperationHit::path).toList(), "found by a parameter name");
        assertEquals(List.of("/status/{serial}"), operations("/api/v1/search/operations?q=markLiteral").items()
                .stream().map(OperationHit::path).toList(), "found by a response property name");
    }

    @Test
    void suggestsTitlesOfficesAndOperationsAsYouType() {
        List<Suggestion> register = suggest("/api/v1/suggest?q=regis");
        assertTrue(register.stream().anyMatch(s -> s.type().equals("api") && s.text().equals("European Patent Register")),
                "a later word of a title: " + register);
        assertTrue(register.stream().anyMatch(s -> s.type().equals("operation")
                && s.text().equals("Register data of an application")), register.toString());
        List<Suggestion> office = suggest("/api/v1/suggest?q=europ");
        assertTrue(office.stream().anyMatch(s -> s.type().equals("office") && s.office().equals("EP")
                && s.text().equals("European Patent Office")), office.toString());
        assertTrue(suggest("/api/v1/suggest?q=trademrk").stream().anyMatch(s -> s.text().startsWith("Trademark")),
                "one typo is forgiven");
        assertTrue(suggest("/api/v1/suggest?q=fam&limit=1").size() <= 1);
        assertTrue(suggest("/api/v1/suggest?q=zzzzzz").isEmpty());
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertProblem("/api/v1/search/apis?ofice=EP", "ofice");
        assertProblem("/api/v1/search/apis?size=10000", "size");
        assertProblem("/api/v1/search/apis?from=100000", "from");
        assertProblem("/api/v1/search/apis?method=get", "method");
        assertProblem("/api/v1/search/apis?q=a&q=b", "q");
        assertProblem("/api/v1/search/apis?sort=_score", "sort");
        assertProblem(uri("/api/v1/search/apis", "ipDomain", "p".repeat(101)), "ipDomain");
        assertProblem(uri("/api/v1/search/operations", "language", "x".repeat(1000)), "language");
        assertProblem("/api/v1/search/apis?cursor=" + "A".repeat(3000), "cursor");
        assertProblem(uri("/api/v1/search/apis", "script", "{\"source\":\"ctx\"}"), "script");
        assertProblem("/api/v1/suggest?q=", "q");
        assertProblem("/api/v1/suggest?q=x&limit=11", "limit");
        assertProblem("/api/v1/suggest?q=x&size=5", "size");
    }

    private static Map<String, Object> api(String id, String office, String title, List<String> ipDomains,
                                           List<String> serviceTypes, String lifecycle, String level,
                                           String endpointStatus, String updatedAt,
                                           List<Map<String, Object>> operations) {
        Map<String, Object> api = new HashMap<>();
        api.put("apiId", id);
        api.put("officeCode", office);
        api.put("title", title);
        api.put("description", title + " of the office");
        api.put("lifecycle", lifecycle);
        api.put("versionNumber", 1);
        api.put("specVersion", "1.0.1");
        api.put("sourceFormat", "openapi-3.0.3");
        api.put("updatedAt", updatedAt);
        api.put("ipDomains", ipDomains);
        api.put("serviceTypes", serviceTypes);
        api.put("contentTypes", List.of("application/json"));
        api.put("languages", List.of("en"));
        api.put("st90Level", level);
        api.put("st90Score", 0.8);
        api.put("endpointStatus", endpointStatus);
        api.put("breakingChange", false);
        api.put("operations", operations);
        return api;
    }

    /** The parameter and property names catalog-service sends with each operation. */
    private static Map<String, Object> withNames(Map<String, Object> operation) {
        operation.put("parameters", List.of("serialNumber"));
        operation.put("requestProperties", List.of());
        operation.put("responseProperties", List.of("markLiteral", "statusCode"));
        return operation;
    }

    private static Set<String> ids(SearchResults<ApiHit> results) {
        return results.items().stream().map(ApiHit::apiId).collect(Collectors.toSet());
    }

    private static Map<String, Long> counts(SearchResults<?> results, String facet) {
        return results.facets().get(facet).stream().collect(Collectors.toMap(FacetCount::value, FacetCount::count));
    }

    private void assertProblem(String uri, String parameter) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client().exchange(HttpRequest.GET(uri).bearerAuth(token()), Argument.of(String.class),
                        Argument.of(Problem.class)), uri);
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus(), uri);
        Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
        assertEquals(parameter, problem.errors().get(0).parameter(), uri);
    }

    private static String uri(String path, String name, String value) {
        return UriBuilder.of(URI.create(path)).queryParam(name, value).build().toString();
    }

    @SuppressWarnings("unchecked")
    private SearchResults<ApiHit> apis(String uri) {
        return client().retrieve(HttpRequest.GET(uri).bearerAuth(token()),
                Argument.of(SearchResults.class, ApiHit.class));
    }

    @SuppressWarnings("unchecked")
    private SearchResults<OperationHit> operations(String uri) {
        return client().retrieve(HttpRequest.GET(uri).bearerAuth(token()),
                Argument.of(SearchResults.class, OperationHit.class));
    }

    private List<Suggestion> suggest(String uri) {
        return List.of(client().retrieve(HttpRequest.GET(uri).bearerAuth(token()), Suggestion[].class));
    }
}
