package org.ipdex.search.consume;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.ipdex.search.SearchTests;
import org.ipdex.search.StubFeed;
import org.ipdex.search.index.IndexManager;
import org.ipdex.search.index.Indices;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One replica follows the feeds, whatever the number of replicas, and another takes over when it goes. */
class FeedLeaseTest {

    private static final String SPEC = "FeedLeaseTest";
    private static final StubFeed FEED = StubFeed.named(SPEC);
    private static final Duration TTL = Duration.ofSeconds(2);

    @Test
    void ofTwoReplicasOneFollowsTheFeedsAndTheOtherTakesOverWhenItStops() throws Exception {
        try (EmbeddedServer first = replica("replica-a")) {
            BlockingHttpClient a = client(first);
            long one = FEED.appendApi("kr-lease-one", "KR", "Lease One", "first", 1, List.of());
            SearchTests.await("replica-a follows", () -> SearchTests.checkpoint(a, "catalog") >= one);
            try (EmbeddedServer second = replica("replica-b")) {
                BlockingHttpClient b = client(second);
                SearchTests.await("replica-b stands by", () -> "standby".equals(state(b)));
                assertEquals("replica-a", followedBy(b));
                assertEquals("replica-a", followedBy(a));

                first.stop();
                long two = FEED.appendApi("kr-lease-two", "KR", "Lease Two", "second", 1, List.of());
                // the lease was given up at shutdown, so replica-b need not wait for it to expire
                SearchTests.await("replica-b follows from replica-a's checkpoint",
                        () -> SearchTests.checkpoint(b, "catalog") >= two);
                assertEquals("replica-b", followedBy(b));
                assertTrue(Optional.of(state(b)).filter(s -> s.equals("following") || s.equals("catching up"))
                        .isPresent(), state(b));
            }
        }
    }

    @Test
    void ofReplicasRacingForAFreeLeaseExactlyOneWins() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.copyOf(withoutFeeds()), "test")) {
            ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
            Indices indices = context.getBean(Indices.class);
            context.getBean(IndexManager.class).ensureAll();
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                for (int round = 0; round < 10; round++) {
                    List<FeedLease> leases = new ArrayList<>();
                    for (int replica = 0; replica < 6; replica++) {
                        leases.add(new FeedLease(client, indices, "r" + round + "-" + replica, TTL, Clock.systemUTC()));
                    }
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<String>> claims = new ArrayList<>();
                    for (FeedLease lease : leases) {
                        claims.add(threads.submit(() -> {
                            start.await();
                            return lease.claim();
                        }));
                    }
                    start.countDown();
                    List<String> seen = new ArrayList<>();
                    for (Future<String> claim : claims) {
                        seen.add(claim.get());
                    }
                    List<FeedLease> holders = leases.stream().filter(FeedLease::held).toList();
                    assertEquals(1, holders.size(), "round " + round + ": " + seen);
                    holders.get(0).release();
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aLeaseNotRenewedLapsesHereAtHalfItsTimeAndIsTakenOverAfterIt() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.copyOf(withoutFeeds()), "test")) {
            ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
            Indices indices = context.getBean(Indices.class);
            context.getBean(IndexManager.class).ensureAll();
            FeedLease silent = new FeedLease(client, indices, "silent", TTL, Clock.systemUTC());
            FeedLease patient = new FeedLease(client, indices, "patient", TTL, Clock.systemUTC());

            assertEquals("silent", silent.claim());
            assertEquals("silent", patient.claim());
            assertFalse(patient.held());
            assertEquals(Optional.of("silent"), patient.heldElsewhere());

            Thread.sleep(TTL.toMillis() / 2 + 100);
            assertFalse(silent.held(), "not renewed for half the ttl: no longer trusted by its holder");
            assertEquals("silent", patient.claim(), "not expired yet for the others");

            Thread.sleep(TTL.toMillis() / 2 + 100);
            assertEquals("patient", patient.claim());
            assertTrue(patient.held());
            assertEquals("patient", silent.claim());
            assertEquals(Optional.of("patient"), silent.heldElsewhere());
            patient.release();
        }
    }

    /** Each replica reads the stub catalog feed from its own port; the stub's events are the same for both. */
    private static EmbeddedServer replica(String name) {
        Map<String, String> properties = new HashMap<>(SearchTests.properties(SPEC));
        properties.put("ipdex.consume.replica", name);
        properties.put("ipdex.consume.lease-ttl", TTL.toString());
        properties.put("ipdex.feeds.authority.enabled", "false");
        return ApplicationContext.run(EmbeddedServer.class, Map.copyOf(properties), "test");
    }

    private static Map<String, String> withoutFeeds() {
        Map<String, String> properties = new HashMap<>(SearchTests.properties(SPEC + "Race"));
        properties.put("ipdex.feeds.catalog.enabled", "false");
        properties.put("ipdex.feeds.authority.enabled", "false");
        return properties;
    }

    private static BlockingHttpClient client(EmbeddedServer server) {
        return server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> feeds(BlockingHttpClient client) {
        Map<String, Object> details = (Map<String, Object>) SearchTests.health(client).get("details");
        return (Map<String, Object>) ((Map<String, Object>) details.get("feeds")).get("details");
    }

    @SuppressWarnings("unchecked")
    private static String state(BlockingHttpClient client) {
        return (String) ((Map<String, Object>) feeds(client).get("catalog")).get("state");
    }

    private static String followedBy(BlockingHttpClient client) {
        return (String) feeds(client).get("followedBy");
    }
}
