package org.ipdex.common.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * GETs a URL that came from outside, following redirects itself so that every hop is checked by
 * {@link AddressPolicy} and connected to exactly the address that was checked. Every service that fetches what an
 * office names goes through here.
 */
public final class SafeHttp {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_HOPS = 5;

    private final AddressPolicy policy;
    private final Duration timeout;
    private final String userAgent;

    public SafeHttp(AddressPolicy policy, Duration timeout, String userAgent) {
        this.policy = policy;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /** @return the first answer that is not a redirect; the caller reads its body and closes it */
    public PinnedResponse get(URI start) {
        URI uri = start;
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            InetAddress address = policy.check(uri);
            PinnedResponse answer;
            try {
                answer = PinnedHttp.send(new PinnedHttp.Request("GET", uri, address, timeout, userAgent));
            } catch (IOException e) {
                throw new FetchException(uri + ": " + e.getMessage(), e);
            }
            String location = answer.headers().get("location");
            if (!REDIRECTS.contains(answer.status()) || location == null) {
                return answer;
            }
            answer.close();
            try {
                uri = uri.resolve(location.strip());
            } catch (IllegalArgumentException bad) {
                throw new FetchException(FetchException.Kind.FAILED, uri + " redirects to a bad Location: " + location);
            }
        }
        throw new FetchException(FetchException.Kind.FAILED, "more than " + MAX_HOPS + " redirects from " + start);
    }

    /**
     * POSTs {@code body} to {@code uri}, checked and pinned like {@link #get}. A redirect is not followed: it is
     * the answer (a webhook receiver that moved must be changed by its owner, not chased to wherever it points).
     *
     * @return the answer; the caller reads its body and closes it
     */
    public PinnedResponse post(URI uri, Map<String, String> headers, byte[] body) {
        InetAddress address = policy.check(uri);
        try {
            return PinnedHttp.send(new PinnedHttp.Request("POST", uri, address, timeout, userAgent, headers, body));
        } catch (IOException e) {
            throw new FetchException(uri + ": " + e.getMessage(), e);
        }
    }
}
