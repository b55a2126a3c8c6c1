package org.ipdex.gateway.limit;

import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * How large a body each route accepts: the default ({@code ipdex.limits.max-body-size}, 25 MB), or a listed upload
 * route's own limit. Micronaut's {@code max-request-size} must be at least the largest of them, or Netty refuses the
 * upload before the gateway sees it; it is checked at start-up so that a misconfiguration is loud, not a puzzling
 * 413 on the first large edition.
 */
@Singleton
public class BodySizeLimits {

    private final long defaultLimit;
    private final List<Map.Entry<RoutePattern, Long>> uploads;

    BodySizeLimits(HttpServerConfiguration server,
                   @Property(name = "ipdex.limits.max-body-size", defaultValue = "25MB") @ReadableBytes long defaultLimit,
                   List<UploadLimitProperties> uploads) {
        this.defaultLimit = defaultLimit;
        this.uploads = uploads.stream()
                .map(upload -> Map.entry(RoutePattern.parse(upload.route()), upload.maxSize()))
                .toList();
        long largest = Math.max(defaultLimit, this.uploads.stream().mapToLong(Map.Entry::getValue).max().orElse(0));
        if (server.getMaxRequestSize() < largest) {
            throw new IllegalStateException("micronaut.server.max-request-size (" + server.getMaxRequestSize()
                    + ") is below the largest body a route accepts (" + largest + "): raise it, the gateway enforces"
                    + " the per-route limits itself");
        }
    }

    public long limitFor(HttpRequest<?> request) {
        return uploads.stream()
                .filter(upload -> upload.getKey().matches(request.getMethodName(), request.getPath()))
                .mapToLong(Map.Entry::getValue)
                .findFirst()
                .orElse(defaultLimit);
    }
}
