package org.ipdex.gateway.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.util.Locale;

/**
 * The portal calls the API from the gateway's own origin, and browsers send an {@code Origin} header with such
 * same-origin POST, PUT and DELETE requests too. The CORS configuration is written for other sites' pages, which
 * may only read, so it refused the portal's own writes (coverage checks, uploads, the admin pages) with 403. A
 * request whose Origin names the host it was sent to is not cross-origin: its Origin header is dropped before the
 * CORS filter looks at it. Another site cannot pass for this one (browsers set Origin themselves), and writes need
 * a key sent as a header, never a cookie, so there is no ambient credential to forge requests with.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class SameOriginFilter implements HttpServerFilter {

    /** Just before Micronaut's CorsFilter ({@code ServerFilterPhase.METRICS.after()}). */
    static final int ORDER = ServerFilterPhase.METRICS.after() - 1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        // the server request's own headers are mutable: changed in place, because a request.mutate() wrapper would
        // hide the body from the gateway's own controllers (the admin API's @Body)
        if (request.getHeaders() instanceof MutableHttpHeaders headers) {
            String origin = headers.get(HttpHeaders.ORIGIN);
            if (origin != null && sameOrigin(origin, headers.get(HttpHeaders.HOST), headers.get("X-Forwarded-Host"))) {
                headers.remove(HttpHeaders.ORIGIN);
            }
        }
        return chain.proceed(request);
    }

    /** True when the Origin's host and port are those the request was addressed to (directly or via a proxy). */
    static boolean sameOrigin(String origin, @Nullable String host, @Nullable String forwardedHost) {
        String authority;
        try {
            URI uri = new URI(origin.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return false;
            }
            authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        return authority.equals(normalise(host)) || authority.equals(normalise(firstOf(forwardedHost)));
    }

    private static String firstOf(@Nullable String list) {
        return list == null ? null : list.split(",", 2)[0];
    }

    private static String normalise(@Nullable String host) {
        return host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    }
}
