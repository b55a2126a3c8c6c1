package org.ipdex.search.authority;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.Problem;
import org.ipdex.search.SearchTests;
import org.ipdex.search.StubFeed;
import org.ipdex.search.index.IndexBuilds;
import org.ipdex.search.query.AuthorityHit;
import org.ipdex.search.query.AuthorityResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * edition.activated on the authority feed: the edition's records are streamed into a fresh index behind the
 * office's aliases, and searched by any written form of a number. The last test replaces an edition (the order
 * matters there, and only there).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorityIndexTest implements TestPropertyProvider {

    static final String SPEC = "AuthorityIndexTest";
    static final StubFeed FEED = StubFeed.named(SPEC);
    static final Map<Long, String> EDITIONS = new ConcurrentHashMap<>();
    static final Map<Long, CountDownLatch> HELD = new ConcurrentHashMap<>();
    /** EP1000000 … EP1002499: every number A1, every even one also B1; 2000 + n % 5; every 100th withdrawn. */
    static final int EP_NUMBERS = 2500;
    static final int EP_RECORDS = EP_NUMBERS + EP_NUMBERS / 2;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    IdentityTokens tokens;

    @Inject
    IndexBuilds builds;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SearchTests.properties(SPEC);
        // this test's server is the authority feed; the catalog feed is not needed
        properties.put("ipdex.feeds.authority.url", properties.get("ipdex.feeds.catalog.url"));
        properties.put("ipdex.feeds.catalog.enabled", "false");
        properties.put("ipdex.test.stub-catalog-feed", "false");
        // small bulk requests, so one edition takes several, two at a time
        properties.put("ipdex.authority.indexing.bulk-operations", "500");
        properties.put("ipdex.authority.indexing.drop-delay", "100ms");
        return properties;
    }

    @BeforeAll
    void twoOfficesActivateAnEdition() {
        StringBuilder ep = new StringBuilder();
        for (int i = 0; i < EP_NUMBERS; i++) {
            int number = 1_000_000 + i;
            String date = (2000 + i % 5) + "-03-0" + (1 + i % 9);
            String exception = i % 100 == 0 ? "\"W\"" : "null";
            ep.append(record("EP", "EP" + number, "A1", date, exception, "EP" + number + "A1"));
            if (i % 2 == 0) {
                ep.append(record("EP", "EP" + number, "B1", date, "null", "EP " + number + " B1"));
            }
        }
        EDITIONS.put(11L, ep.toString());
        EDITIONS.put(12L, record("US", "US20050123456", "A1", "20050609", "null", "US 2005/0123456 A1")
                + record("US", "US7000000", "B2", "2006-02-14", "null", "US7000000B2"));
        activate(11, "EP", EP_RECORDS);
        long last = activate(12, "US", 2);
        SearchTests.await("both editions searchable", () -> SearchTests.checkpoint(client(), "authority") >= last
                && search("/api/v1/search/authority?office=US").items().size() == 2);
    }

    @Test
    @Order(1)
    void anyWrittenFormOfANumberFindsIt() {
        for (String q : List.of("EP 1 000 000 B1", "EP1000000B1", "ep1000000 b1", "EP 0001000000 B1")) {
            List<AuthorityHit> hits = search(uri("q", q)).items();
            assertEquals(List.of("EP1000000B1"), hits.stream().map(AuthorityHit::key).toList(), q);
        }
        List<AuthorityHit> bothKinds = search(uri("q", "EP1000000")).items();
        assertEquals(List.of("EP1000000A1", "EP1000000B1"), bothKinds.stream().map(AuthorityHit::key).toList());
        assertEquals("W", bothKinds.get(0).exceptionCode());
        AuthorityHit us = search(uri("q", "US 2005/0123456 A1")).items().get(0);
        assertEquals("US20050123456A1", us.key());
        assertEquals("2005-06-09", us.publicationDate(), "ST.37's yyyymmdd is read as a date");
        assertEquals("US 2005/0123456 A1", us.docNumber());
        assertEquals(1, search(uri("q", "US20050123456")).items().size());
    }

    @Test
    @Order(1)
    void aNumberWithoutKindIsAlsoAPrefix() {
        AuthorityResults prefix = search("/api/v1/search/authority?q=EP10000&limit=1000");
        assertEquals(150, prefix.items().size(), "EP1000000 … EP1000099, half of them twice");
        assertTrue(prefix.items().stream().allMatch(h -> h.numberKey().startsWith("EP10000")));
        assertEquals(150, prefix.statistics().stream().mapToLong(AuthorityResults.YearCount::count).sum());
    }

    @Test
    @Order(1)
    void filtersAndStatisticsPerYearAndKind() {
        AuthorityResults b1In2000 = search("/api/v1/search/authority?office=EP&kind=b1&fromYear=2000&toYear=2000"
                + "&limit=1000");
        assertEquals(250, b1In2000.items().size(), "even numbers with i % 5 == 0");
        assertTrue(b1In2000.items().stream().allMatch(h -> h.kind().equals("B1")
                && h.publicationDate().startsWith("2000")));
        assertEquals(25, search("/api/v1/search/authority?exceptionCode=W&limit=100").items().size());

        List<AuthorityResults.YearCount> statistics = search("/api/v1/search/authority?office=EP&limit=1")
                .statistics();
        assertEquals(List.of(2000, 2001, 2002, 2003, 2004), statistics.stream()
                .map(AuthorityResults.YearCount::year).toList());
        AuthorityResults.YearCount y2000 = statistics.get(0);
        assertEquals(750, y2000.count());
        assertEquals(Map.of("A1", 500L, "B1", 250L), Map.of(y2000.kinds().get(0).value(), y2000.kinds().get(0).count(),
                y2000.kinds().get(1).value(), y2000.kinds().get(1).count()));
    }

    @Test
    @Order(1)
    void cursorsWalkEveryRecordOnceInNumberOrder() {
        Set<String> seen = new HashSet<>();
        String previous = "";
        String cursor = null;
        int pages = 0;
        do {
            AuthorityResults page = search("/api/v1/search/authority?office=EP&limit=400"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            for (AuthorityHit hit : page.items()) {
                assertTrue(seen.add(hit.key()), "repeated " + hit.key());
                assertTrue(hit.key().compareTo(previous) > 0, hit.key() + " after " + previous);
                previous = hit.key();
            }
            if (pages > 0) {
                assertNull(page.statistics(), "statistics come with the first page only");
            }
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertEquals(EP_RECORDS, seen.size());
        assertEquals(10, pages);
    }

    @Test
    @Order(1)
    void badParametersAreProblemsNamingTheParameter() {
        assertProblem(uri("q", "not a number"), "q");
        assertProblem(uri("q", "{\"match_all\":{}}"), "q");
        assertProblem("/api/v1/search/authority?q=EP1&limit=100000", "limit");
        assertProblem("/api/v1/search/authority?cursor=garbage", "cursor");
        assertProblem("/api/v1/search/authority?fromYear=2005&toYear=2001", "toYear");
        assertProblem("/api/v1/search/authority?fromYear=99999", "fromYear");
        assertProblem("/api/v1/search/authority?fromYear=abc", "fromYear");
        assertProblem("/api/v1/search/authority?kind=" + "B".repeat(50), "kind");
        assertProblem("/api/v1/search/authority?office=EP&office=US", "office");
        assertProblem("/api/v1/search/authority?year=2000", "year");
        assertProblem("/api/v1/search/authority?from=1000000", "from");
    }

    @Test
    @Order(2)
    void aNewEditionReplacesTheOldOneAtOnce() throws Exception {
        String oldIndex = SPEC.toLowerCase() + "-authority-ep-e11";
        assertTrue(builds.indicesOf(SPEC.toLowerCase() + "-authority-ep").contains(oldIndex));
        EDITIONS.put(13L, record("EP", "EP2000000", "A1", "2010-01-01", "null", "EP2000000A1")
                + record("EP", "EP2000001", "A2", "2010-01-02", "null", "EP2000001A2"));
        CountDownLatch release = new CountDownLatch(1);
        HELD.put(13L, release);
        long seq = activate(13, "EP", 2);
        SearchTests.await("edition 13 is being loaded", () -> {
            try {
                return builds.exists(SPEC.toLowerCase() + "-authority-ep-e13");
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals((long) EP_RECORDS, countEp(), "while the new edition loads, readers see the whole old one");
        release.countDown();
        SearchTests.await("the swap", () -> SearchTests.checkpoint(client(), "authority") >= seq);
        assertEquals(2L, countEp(), "then the whole new one");
        assertEquals(2, search("/api/v1/search/authority?office=US").items().size(), "other offices untouched");
        SearchTests.await("the old edition's index is deleted", () -> {
            try {
                return !builds.exists(oldIndex);
            } catch (Exception e) {
                return false;
            }
        });

        // a replay of the older activation, and an edition authority-service no longer has, change nothing
        activate(11, "EP", EP_RECORDS);
        long gone = activate(99, "EP", 5);
        SearchTests.await("both applied", () -> SearchTests.checkpoint(client(), "authority") >= gone);
        assertEquals(2L, countEp());
    }

    @Test
    @Order(3)
    void aReplacedAuthorityDatabaseIsIndexedAfresh() {
        // a new database numbers its events and its editions from 1 again: below the live edition 13 of EP
        FEED.replaceByNewFeed();
        EDITIONS.put(1L, record("EP", "EP3000000", "B1", "2020-05-06", "null", "EP3000000B1"));
        activate(1, "EP", 1);
        SearchTests.await("the new database's edition is what readers see", () -> countEp() == 1L);
        assertEquals("EP3000000", search("/api/v1/search/authority?office=EP").items().get(0).numberKey());
        assertEquals(0, search("/api/v1/search/authority?office=US").items().size(),
                "an office the new database does not have is gone");
    }

    private long countEp() {
        return search("/api/v1/search/authority?office=EP&limit=1").statistics().stream()
                .mapToLong(AuthorityResults.YearCount::count).sum();
    }

    private static long activate(long editionId, String office, long records) {
        return FEED.append("edition.activated", office, editionId, Map.of("editionId", editionId, "office", office,
                "category", "full", "recordCount", records, "producedOn", "2024-01-01"));
    }

    private static String record(String office, String numberKey, String kind, String date, String exception,
                                 String docNumber) {
        return "{\"office\":\"" + office + "\",\"numberKey\":\"" + numberKey + "\",\"kind\":\"" + kind
                + "\",\"publicationDate\":\"" + date + "\",\"exceptionCode\":" + exception + ",\"docNumber\":\""
                + docNumber + "\",\"somethingNew\":1}\n";
    }

    private static String uri(String name, String value) {
        return UriBuilder.of(URI.create("/api/v1/search/authority")).queryParam(name, value).build().toString();
    }

    private void assertProblem(String uri, String parameter) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client().exchange(HttpRequest.GET(uri).bearerAuth(token()), Argument.of(String.class),
                        Argument.of(Problem.class)), uri);
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus(), uri);
        Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
        assertFalse(problem.errors().isEmpty(), uri + " " + problem);
        assertEquals(parameter, problem.errors().get(0).parameter(), uri);
    }

    private AuthorityResults search(String uri) {
        AuthorityResults results = client().retrieve(HttpRequest.GET(uri).bearerAuth(token()), AuthorityResults.class);
        assertNotNull(results.items());
        return results;
    }

    private String token() {
        return tokens.issue(Identity.anonymous());
    }

    private BlockingHttpClient client() {
        return http.toBlocking();
    }

    /** Holds a records request on a blocking thread: held on the event loop, it would stall the searches too. */
    @Requires(property = "spec.name", value = SPEC)
    @Controller("/internal/v1")
    @Secured(Roles.SERVICE)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class StubAuthorityService {

        @Get(value = "/changes", produces = ChangeEvent.MEDIA_TYPE)
        HttpResponse<String> changes(@QueryValue long after, @QueryValue int limit) {
            return FEED.serve(after, limit);
        }

        @Get(value = "/editions/{editionId}/records", produces = ChangeEvent.MEDIA_TYPE)
        HttpResponse<String> records(@PathVariable long editionId) throws InterruptedException {
            CountDownLatch held = HELD.get(editionId);
            if (held != null) {
                held.await(30, TimeUnit.SECONDS);
            }
            String body = EDITIONS.get(editionId);
            return body == null ? HttpResponse.notFound() : HttpResponse.ok(body).contentType(ChangeEvent.MEDIA_TYPE);
        }
    }
}
