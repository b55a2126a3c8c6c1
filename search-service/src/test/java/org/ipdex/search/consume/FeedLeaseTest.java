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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    /** Short, so that the tests do not wait long; renewed every 1.2 s, trusted for 4.2 s. */
    private static final Duration TTL = Duration.ofSeconds(6);

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
        try (ApplicationContext context = ApplicationContext.run(Map.copyOf(withoutFeeds("Race")), "test")) {
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
    void aLeaseNotRenewedLapsesHereBeforeItExpiresAndIsTakenOverAfterIt() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.copyOf(withoutFeeds("Lapse")), "test")) {
            ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
            Indices indices = context.getBean(Indices.class);
            context.getBean(IndexManager.class).ensureAll();
            long claimed = System.currentTimeMillis();
            FeedLease silent = new FeedLease(client, indices, "silent", TTL, Clock.systemUTC());
            // the other replica's clock is set by hand: expiry is judged by the claimer's wall clock
            SetClock later = new SetClock(claimed);
            FeedLease patient = new FeedLease(client, indices, "patient", TTL, later);

            assertEquals("silent", silent.claim());
            later.set(claimed + TTL.toMillis() / 2);
            assertEquals("silent", patient.claim(), "not expired yet for the others");
            assertFalse(patient.held());
            assertEquals(Optional.of("silent"), patient.heldElsewhere());

            Thread.sleep(TTL.toMillis() * 7 / 10 + 100);
            assertFalse(silent.held(), "not renewed for 70 % of the ttl: no longer trusted by its holder");

            later.set(claimed + TTL.toMillis() + 1_000);
            assertEquals("patient", patient.claim());
            assertTrue(patient.held());
            assertEquals("patient", silent.claim());
            assertEquals(Optional.of("patient"), silent.heldElsewhere());
            patient.release();
        }
    }

    /** A wall clock that stands where the test puts it. */
    private static final class SetClock extends Clock {

        private volatile long millis;

        SetClock(long millis) {
            this.millis = millis;
        }

        void set(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
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

    /** A context of its own indices (prefix {@code SPEC + name}) whose consumers never claim the lease. */
    private static Map<String, String> withoutFeeds(String name) {
        Map<String, String> properties = new HashMap<>(SearchTests.properties(SPEC + name));
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
