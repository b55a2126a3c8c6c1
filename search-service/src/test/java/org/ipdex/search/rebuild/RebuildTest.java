package org.ipdex.search.rebuild;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.search.SearchServiceTest;
import org.ipdex.search.SearchTests;
import org.ipdex.search.index.IndexBuilds;
import org.ipdex.search.query.ApiHit;
import org.ipdex.search.query.SearchResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.ipdex.search.StubFeed.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator rebuilds the catalog indices while people search: nobody notices. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildTest extends SearchServiceTest {

    static final String SPEC = "RebuildTest";
    static final String PREFIX = SPEC.toLowerCase() + "-";
    static final int APIS = 300;

    @Inject
    IndexBuilds builds;

    @Override
    protected void configure(Map<String, String> properties) {
        // many small pages: the rebuild takes long enough for the searches and new events to overlap it
        properties.put("ipdex.consume.batch-size", "20");
        properties.put("ipdex.rebuild.drop-delay", "200ms");
    }

    @BeforeAll
    void manyApis() {
        long last = 0;
        for (int i = 0; i < APIS; i++) {
            last = feed.appendApi("api-" + i, i % 2 == 0 ? "EP" : "US", "Patent service " + i, "Patent data " + i, 1,
                    List.of(operation("get", "/items/" + i, "Patent item " + i)));
        }
        long applied = last;
        SearchTests.await("all applied", () -> SearchTests.checkpoint(client(), "catalog") >= applied
                && count() == APIS);
    }

    @Test
    void searchesKeepAnsweringWhileTheIndicesAreRebuilt() throws Exception {
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class, () -> client().exchange(
                HttpRequest.POST("/api/v1/search/rebuilds", "").bearerAuth(tokens.issue(Identity.anonymous()))))
                .getStatus(), "only an administrator may rebuild");

        AtomicBoolean searching = new AtomicBoolean(true);
        List<String> problems = new CopyOnWriteArrayList<>();
        AtomicInteger searches = new AtomicInteger();
        Thread searcher = new Thread(() -> {
            while (searching.get()) {
                try {
                    int found = count();
                    if (found < APIS) {
                        problems.add("only " + found + " APIs found");
                    }
                    client().retrieve(HttpRequest.GET("/api/v1/search/operations?q=item&limit=5").bearerAuth(token()));
                    searches.incrementAndGet();
                    // a steady stream of searches, not a flood that starves the rebuild of the test machine's CPUs
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    problems.add(e.toString());
                }
            }
        });
        searcher.start();
        try {
            HttpResponse<RebuildStatus> started = client().exchange(HttpRequest.POST("/api/v1/search/rebuilds", "")
                    .bearerAuth(admin()), RebuildStatus.class);
            assertEquals(HttpStatus.ACCEPTED, started.getStatus());
            String id = started.body().rebuildId();
            assertEquals("/api/v1/search/rebuilds/" + id, started.getHeaders().get("Location"));

            // the live consumer keeps the old indices current meanwhile; the rebuild catches up with this too
            long late = feed.appendApi("late-api", "JP", "Patent late arrival", "Appended during the rebuild", 1,
                    List.of());
            SearchTests.await("the rebuild is done", Duration.ofSeconds(90), () -> "done".equals(status(id).state()));
            RebuildStatus done = status(id);
            assertEquals(done.feeds().get(0).head(), done.feeds().get(0).applied(), done.toString());
            assertEquals(Set.of(PREFIX + "apis-v2-" + id), builds.indicesOf(PREFIX + "apis"));
            assertEquals(Set.of(PREFIX + "operations-v2-" + id), builds.indicesOf(PREFIX + "operations"));
            SearchTests.await("the old indices are deleted", () -> !exists(PREFIX + "apis-v2"));
            assertTrue(SearchTests.checkpoint(client(), "catalog") >= late);

            // after the swap the live consumer continues from the rebuild's position, into the new indices
            long after = feed.appendApi("after-api", "JP", "Patent after the swap", "Appended after", 1, List.of());
            SearchTests.await("applied after the swap", () -> SearchTests.checkpoint(client(), "catalog") >= after
                    && count() == APIS + 2);
        } finally {
            searching.set(false);
            searcher.join();
        }
        assertEquals(List.of(), problems, "every search answered, and never from a half-built index");
        assertTrue(searches.get() > 3, "searched " + searches.get() + " times");
    }

    @Test
    void anUnknownRebuildIsNotFound() {
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> client().exchange(HttpRequest.GET("/api/v1/search/rebuilds/123").bearerAuth(admin())))
                .getStatus());
    }

    private int count() {
        @SuppressWarnings("unchecked")
        SearchResults<ApiHit> page = client().retrieve(HttpRequest.GET("/api/v1/search/apis?q=patent&limit=100")
                .bearerAuth(token()), Argument.of(SearchResults.class, ApiHit.class));
        return (int) page.facets().get("office").stream().mapToLong(f -> f.count()).sum();
    }

    private RebuildStatus status(String id) {
        return client().retrieve(HttpRequest.GET("/api/v1/search/rebuilds/" + id).bearerAuth(admin()),
                RebuildStatus.class);
    }

    private boolean exists(String index) {
        try {
            return builds.exists(index);
        } catch (Exception e) {
            return true;
        }
    }

    private String admin() {
        return tokens.issue(new Identity("admin", Set.of(Roles.ADMIN), Optional.empty()));
    }
}
