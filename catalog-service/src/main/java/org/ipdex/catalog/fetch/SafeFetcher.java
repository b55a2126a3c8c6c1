package org.ipdex.catalog.fetch;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Fetches a URL for the catalogue — a spec source or an endpoint probe — following redirects itself so that every
 * hop is checked by {@link AddressPolicy} and connected to the address that was checked.
 */
@Singleton
public class SafeFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_HOPS = 5;

    private final AddressPolicy policy;
    private final Duration timeout;

    public SafeFetcher(AddressPolicy policy, @Value("${ipdex.catalog.fetch.timeout:10s}") Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
    }

    /** A spec: the whole body, or {@link FetchException.Kind#TOO_LARGE} past {@code maxBytes}. */
    public HttpAnswer fetch(URI uri, long maxBytes) {
        return follow("GET", uri, maxBytes, PinnedHttp.Overflow.FAIL);
    }

    /** A liveness probe: status and latency matter, the body is cut short. */
    public HttpAnswer probe(URI uri) {
        return follow("GET", uri, 16 * 1024, PinnedHttp.Overflow.TRUNCATE);
    }

    private HttpAnswer follow(String method, URI start, long maxBytes, PinnedHttp.Overflow overflow) {
        URI uri = start;
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FetchException(FetchException.Kind.REFUSED, "only http and https URLs are fetched, not "
                        + uri);
            }
            InetAddress address = policy.resolve(uri.getHost());
            HttpAnswer answer;
            try {
                answer = PinnedHttp.send(new PinnedHttp.Request(method, uri, address, timeout, maxBytes, overflow));
            } catch (IOException e) {
                throw new FetchException(uri + ": " + e.getMessage(), e);
            }
            String location = answer.headers().get("location");
            if (!REDIRECTS.contains(answer.status()) || location == null) {
                return answer;
            }
            try {
                uri = uri.resolve(location.strip());
            } catch (IllegalArgumentException bad) {
                throw new FetchException(FetchException.Kind.FAILED, "bad redirect Location: " + location);
            }
        }
        throw new FetchException(FetchException.Kind.FAILED, "more than " + MAX_HOPS + " redirects from " + start);
    }
}
