package org.ipdex.gateway.portal;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.ipdex.gateway.GatewayProblems;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The portal's pages at real addresses ({@code /search?q=…}, {@code /apis/{apiId}}, …). A browser asking for a page
 * ({@code Accept} names {@code text/html}) gets the portal's index.html, whose router shows the page; any other
 * client gets the 404 problem it would get for an unknown address, so an API client never mistakes a page for data.
 * The list is explicit (it matches the router in js/app.js): a catch-all would hide the portal's static files and
 * the 404 of every mistyped address. Everything under {@code /api/} is the backends' or the admin API's.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PortalPages {

    private final byte[] index;
    private final ServerOrigins servers;

    PortalPages(ResourceResolver resources, ServerOrigins servers) {
        try (InputStream in = resources.getResourceAsStream("classpath:public/index.html")
                .orElseThrow(() -> new IllegalStateException("public/index.html is not on the class path"))) {
            this.index = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.servers = servers;
    }

    // each produces anything: what the caller accepts decides between page and problem, not a 406 from the router
    @Get(uris = {"/search", "/pct", "/coverage", "/account", "/admin"}, produces = MediaType.ALL)
    MutableHttpResponse<?> page(HttpRequest<?> request) {
        return wantsPage(request) ? page() : notFound(request);
    }

    @Get(uri = "/apis/{apiId}", produces = MediaType.ALL)
    MutableHttpResponse<?> api(@PathVariable String apiId, HttpRequest<?> request) {
        return page(request);
    }

    @Get(uris = {"/offices/{code}", "/offices/{code}/scorecard"}, produces = MediaType.ALL)
    MutableHttpResponse<?> office(@PathVariable String code, HttpRequest<?> request) {
        return page(request);
    }

    @Get(uri = "/coverage/{checkId}", produces = MediaType.ALL)
    MutableHttpResponse<?> check(@PathVariable String checkId, HttpRequest<?> request) {
        return page(request);
    }

    /** The try-it form sends to the API's own servers: this page alone may connect to them (SecurityHeadersFilter). */
    @Get(uri = "/apis/{apiId}/operations/{operationId}", produces = MediaType.ALL)
    MutableHttpResponse<?> operation(@PathVariable String apiId, @PathVariable String operationId,
                                     HttpRequest<?> request) {
        if (!wantsPage(request)) {
            return notFound(request);
        }
        return page().attribute(SecurityHeadersFilter.CONNECT_SOURCES, servers.of(apiId));
    }

    static boolean wantsPage(HttpRequest<?> request) {
        return request.accept().stream()
                .anyMatch(type -> MediaType.TEXT_HTML.equals(type.getName()) && type.getQualityAsNumber().signum() > 0);
    }

    private MutableHttpResponse<byte[]> page() {
        // revalidated on every use, like /docs: a new deployment's portal must not meet an old cached shell
        return HttpResponse.ok(index).contentType(MediaType.TEXT_HTML_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    private static MutableHttpResponse<?> notFound(HttpRequest<?> request) {
        return GatewayProblems.of(request, HttpStatus.NOT_FOUND, "not-found", "No resource at " + request.getPath()
                + ": it is a page of the portal, for browsers. The API is under /api/v1, described at /docs.");
    }
}
