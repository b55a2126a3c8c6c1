package org.ipdex.search;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.ipdex.stack.Ports;
import org.ipdex.stack.TestStack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** What every search-service test sets up the same way. */
public final class SearchTests {

    private SearchTests() {
    }

    /**
     * A service whose catalog feed is its own stub controller (guarded by {@code spec.name}), whose indices are
     * its own (prefixed by the test's name), and whose authority feed does not exist.
     */
    public static Map<String, String> properties(String specName, String elasticsearchUrl, int port) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spec.name", specName);
        properties.put("micronaut.server.port", Integer.toString(port));
        properties.put("ipdex.identity.secret", TestStack.IDENTITY_SECRET);
        properties.put("ipdex.elasticsearch.url", elasticsearchUrl);
        properties.put("ipdex.elasticsearch.index-prefix", specName.toLowerCase(Locale.ROOT) + "-");
        properties.put("ipdex.feeds.catalog.url", "http://127.0.0.1:" + port);
        properties.put("ipdex.feeds.authority.url", "http://127.0.0.1:" + Ports.free());
        properties.put("ipdex.consume.poll-interval", "100ms");
        properties.put("ipdex.consume.max-backoff", "1s");
        return properties;
    }

    public static Map<String, String> properties(String specName) {
        return properties(specName, elasticsearchUrl(), Ports.free());
    }

    /**
     * The shared test node, or a node already running ({@code -Dipdex.test.elasticsearch=http://…}) to iterate
     * without waiting for one to start, and to look at the indices after a test.
     */
    public static String elasticsearchUrl() {
        String running = System.getProperty("ipdex.test.elasticsearch");
        return running == null || running.isBlank() ? TestStack.elasticsearch().url() : running;
    }

    /** A minute: what takes a second alone takes many on two cores that other builds keep busy. */
    public static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(60), condition);
    }

    /** For what takes long on a machine that other builds keep busy (a rebuild). */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (HttpClientResponseException e) {
                // 503 while an index is being created or Elasticsearch is away: not yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting until " + what);
            }
        }
        fail("Not within " + timeout.toSeconds() + " s: " + what);
    }

    /** /health answers 503 with the same body when something is down. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> health(BlockingHttpClient client) {
        try {
            return client.retrieve(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class));
        } catch (HttpClientResponseException e) {
            return e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        }
    }

    @SuppressWarnings("unchecked")
    public static long checkpoint(BlockingHttpClient client, String feed) {
        Map<String, Object> details = (Map<String, Object>) health(client).get("details");
        Map<String, Object> feeds = (Map<String, Object>) ((Map<String, Object>) details.get("feeds")).get("details");
        return ((Number) ((Map<String, Object>) feeds.get(feed)).get("checkpoint")).longValue();
    }
}
