package org.ipdex.gateway.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.ipdex.gateway.FilterOrder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Browser hardening on every answer of the gateway, forwarded ones included. The portal and {@code /docs} load
 * scripts from this origin only — no inline script or {@code on*=} handler anywhere, so {@code script-src 'self'}
 * holds; styles allow {@code 'unsafe-inline'} because Swagger UI (in {@code /docs} and on a spec's page) sets
 * style attributes from script. Nothing may frame the gateway (clickjacking of the admin pages), no response is
 * MIME-sniffed, and other sites learn only the origin of the page that linked to them. API answers are data,
 * never a page: they get a policy that allows nothing at all.
 *
 * <p>{@code connect-src} is {@code 'self'} everywhere but on an operation's page, whose try-it form sends the request
 * from the browser to the API's own servers: {@link PortalPages} names their origins in the response attribute
 * {@link #CONNECT_SOURCES}, and only that page's policy lists them (README.md beside this class says why).
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements HttpServerFilter {

    static final String PAGE_POLICY = pagePolicy("");
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** A response attribute: space-separated origins the page may connect to besides its own. */
    static final String CONNECT_SOURCES = "ipdex.connect-src";

    static String pagePolicy(String connectSources) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'"
                + (connectSources.isBlank() ? "" : " " + connectSources.strip())
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public int getOrder() {
        return FilterOrder.SECURITY_HEADERS;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean api = request.getPath().startsWith("/api/");
        return Flux.from(chain.proceed(request)).map(response -> {
            String policy = api ? API_POLICY
                    : response.getAttribute(CONNECT_SOURCES, String.class).map(SecurityHeadersFilter::pagePolicy)
                    .orElse(PAGE_POLICY);
            // set, not added: a backend's own value is replaced rather than doubled
            MutableHttpHeaders headers = response.getHeaders();
            headers.set("Content-Security-Policy", policy);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            return response;
        });
    }
}
