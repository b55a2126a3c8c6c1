package org.ipdex.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A constant rate of searches through the gateway, open-loop: a request leaves every {@code 1/rate} seconds whether
 * or not the previous ones have answered, so a stall shows up as failures and latency instead of slowing the load
 * down. Bounded in time and count; loopback only. Every answer is kept with its time.
 */
final class SearchLoad implements AutoCloseable {

    /**
     * One request: when it left, what it asked, its status (0: no answer within the timeout) and, for a failure,
     * the start of the answer's body (whose problem document says which part gave up: gateway or search-service).
     */
    record Outcome(Instant sent, String path, int status, long millis, String failure) {

        boolean failed() {
            return status == 0 || status >= 500;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final String gateway;
    private final String apiKey;
    private final List<String> paths;
    private volatile long limit;

    /** @param apiKey a key of its own: anonymous callers share a quota per address that the load would exhaust */
    SearchLoad(String gateway, String apiKey, List<String> paths) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.paths = List.copyOf(paths);
    }

    /** Starts {@code perSecond} requests a second, taking {@link #paths} in turn, for at most {@code longest}. */
    void start(int perSecond, Duration longest) {
        limit = perSecond * longest.toSeconds();
        ticks.scheduleAtFixedRate(() -> {
            long n = sent.getAndIncrement();
            if (n >= limit) {
                return;
            }
            String path = paths.get((int) (n % paths.size()));
            Instant at = Instant.now();
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + apiKey).GET().build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long millis = Duration.between(at, Instant.now()).toMillis();
                if (failure != null) {
                    outcomes.add(new Outcome(at, path, 0, millis, failure.toString()));
                } else {
                    int status = response.statusCode();
                    String body = status >= 500 ? abbreviated(response.body()) : "";
                    outcomes.add(new Outcome(at, path, status, millis, body));
                }
            });
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Stops sending, waits for the answers in flight, and returns every outcome in the order sent. */
    List<Outcome> stop() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TIMEOUT.plusSeconds(5).toNanos();
        while (outcomes.size() < Math.min(sent.get(), limit) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Outcome> all = new ArrayList<>(outcomes);
        all.sort(Comparator.comparing(Outcome::sent));
        return all;
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    /** Requests per status, e.g. {200=4012, 503=3}. */
    static Map<Integer, Long> byStatus(List<Outcome> outcomes) {
        Map<Integer, Long> counts = new TreeMap<>();
        outcomes.forEach(outcome -> counts.merge(outcome.status(), 1L, Long::sum));
        return counts;
    }

    /** From the first failed request's departure to the last failed one's answer; zero when none failed. */
    static Duration failureWindow(List<Outcome> outcomes) {
        List<Outcome> failed = outcomes.stream().filter(Outcome::failed).toList();
        if (failed.isEmpty()) {
            return Duration.ZERO;
        }
        Instant first = failed.get(0).sent();
        Instant last = failed.stream().map(outcome -> outcome.sent().plusMillis(outcome.millis()))
                .max(Comparator.naturalOrder()).orElseThrow();
        return Duration.between(first, last);
    }

    static long percentile(List<Outcome> outcomes, double fraction) {
        List<Long> millis = outcomes.stream().map(Outcome::millis).sorted().toList();
        return millis.isEmpty() ? 0 : millis.get((int) Math.min(millis.size() - 1, Math.floor(fraction * millis.size())));
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
