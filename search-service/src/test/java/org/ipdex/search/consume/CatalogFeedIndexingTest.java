package org.ipdex.search.consume;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.page.Page;
import org.ipdex.search.SearchServiceTest;
import org.ipdex.search.SearchTests;
import org.ipdex.search.query.ApiHit;
import org.ipdex.search.query.OperationHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.ipdex.search.StubFeed.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogFeedIndexingTest extends SearchServiceTest {

    @Test
    void anAppendedApiBecomesSearchableOnceHoweverOftenItIsDelivered() {
        long seq = feed.appendApi("ep-ops", "EP", "Open Patent Services", "Bibliographic data of patent documents",
                1, List.of(operation("get", "/published-data/search", "Search published documents")));
        SearchTests.await("the API is found by 'patent'", () -> apiIds("/api/v1/search/apis?q=patent")
                .contains("ep-ops"));

        // the feed delivers the same change again (a retried page, a replay): still one document
        long again = feed.appendApi("ep-ops", "EP", "Open Patent Services",
                "Bibliographic data of patent documents", 1,
                List.of(operation("get", "/published-data/search", "Search published documents")));
        SearchTests.await("the repeat is applied", () -> SearchTests.checkpoint(client(), "catalog") >= again);
        assertTrue(again > seq);
        SearchTests.await("still one document", () -> apiIds("/api/v1/search/apis?q=patent&limit=100").stream()
                .filter("ep-ops"::equals).count() == 1);
        assertEquals(1, operations("/api/v1/search/operations?q=published&limit=100").stream()
                .filter(hit -> hit.apiId().equals("ep-ops")).count());
    }

    @Test
    void anOperationIsFoundByItsSummaryAndGoneWhenANewerVersionDropsIt() {
        feed.appendApi("us-legal", "US", "Patent Center", "Filing at the USPTO", 1, List.of(
                operation("get", "/applications/{number}/status", "Legal status of an application"),
                operation("get", "/applications/{number}/fees", "Fee history of an application")));
        SearchTests.await("the operation is found by its summary", () ->
                operations("/api/v1/search/operations?q=legal%20status").stream()
                        .anyMatch(hit -> hit.apiId().equals("us-legal") && hit.path().equals("/applications/{number}/status")));
        OperationHit hit = operations("/api/v1/search/operations?q=legal%20status").get(0);
        assertEquals("Patent Center", hit.apiTitle(), "the API's title is copied onto each operation");
        assertEquals("US", hit.officeCode());
        assertEquals("get", hit.method());

        long v2 = feed.appendApi("us-legal", "US", "Patent Center", "Filing at the USPTO", 2, List.of(
                operation("get", "/applications/{number}/fees", "Fee history of an application")));
        SearchTests.await("version 2 is applied", () -> SearchTests.checkpoint(client(), "catalog") >= v2);
        SearchTests.await("the dropped operation is gone", () ->
                operations("/api/v1/search/operations?q=legal%20status&office=US").stream()
                        .noneMatch(h -> h.apiId().equals("us-legal") && h.path().endsWith("/status")));
        assertTrue(operations("/api/v1/search/operations?q=fee%20history&office=US").stream()
                .anyMatch(h -> h.path().endsWith("/fees")), "the kept operation is still there");

        // version 1 replayed after version 2 (a rebuild that re-reads the feed) must not bring it back
        long replay = feed.appendApi("us-legal", "US", "Patent Center (old)", "Filing at the USPTO", 1, List.of(
                operation("get", "/applications/{number}/status", "Legal status of an application")));
        SearchTests.await("the replay is applied", () -> SearchTests.checkpoint(client(), "catalog") >= replay);
        forceRefreshWait();
        assertTrue(operations("/api/v1/search/operations?q=legal%20status&office=US").stream()
                .noneMatch(h -> h.apiId().equals("us-legal")), "an older version never overwrites a newer one");
        assertEquals("Patent Center", apis("/api/v1/search/apis?q=patent%20center&office=US").get(0).title());
    }

    @Test
    void theLagIsVisibleInHealthAndMetrics() {
        long seq = feed.appendApi("jp-jplatpat", "JP", "J-PlatPat", "Japanese patent search", 1, List.of());
        SearchTests.await("caught up", () -> SearchTests.checkpoint(client(), "catalog") >= seq);
        String metrics = client().retrieve(HttpRequest.GET("/prometheus"));
        assertTrue(metrics.contains("ipdex_feed_events_behind{feed=\"catalog\"}"), metrics);
        assertTrue(metrics.contains("ipdex_feed_seconds_behind_seconds{feed=\"catalog\"}"), metrics);
        @SuppressWarnings("unchecked")
        Map<String, Object> feeds = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                SearchTests.health(client()).get("details")).get("feeds")).get("details");
        @SuppressWarnings("unchecked")
        Map<String, Object> authority = (Map<String, Object>) feeds.get("authority");
        assertEquals("retrying", authority.get("state"), "a feed that does not exist yet is retried, not fatal");
    }

    private List<String> apiIds(String uri) {
        return apis(uri).stream().map(ApiHit::apiId).toList();
    }

    private List<ApiHit> apis(String uri) {
        return client().retrieve(HttpRequest.GET(uri).bearerAuth(tokens.issue(Identity.anonymous())),
                Argument.of(Page.class, ApiHit.class)).items();
    }

    @SuppressWarnings("unchecked")
    private List<OperationHit> operations(String uri) {
        Page<OperationHit> page = client().retrieve(HttpRequest.GET(uri).bearerAuth(tokens.issue(Identity.anonymous())),
                Argument.of(Page.class, OperationHit.class));
        return page.items();
    }

    /** Elasticsearch makes writes searchable within a second; wait past that before asserting an absence. */
    private static void forceRefreshWait() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
