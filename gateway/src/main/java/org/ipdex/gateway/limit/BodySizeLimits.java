package org.ipdex.gateway.limit;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

import java.util.List;

/** How large a body each route accepts: the default, or a listed upload route's own limit. */
@Singleton
public class BodySizeLimits {

    private final long defaultLimit;
    private final List<UploadLimitProperties> uploads;

    BodySizeLimits(HttpServerConfiguration server,
                   @Nullable @Property(name = "ipdex.limits.max-body-size") @ReadableBytes Long defaultLimit,
                   List<UploadLimitProperties> uploads) {
        // without a limit of its own, every route gets the server-wide ceiling
        this.defaultLimit = defaultLimit == null ? server.getMaxRequestSize() : defaultLimit;
        this.uploads = List.copyOf(uploads);
    }

    public long limitFor(HttpRequest<?> request) {
        return uploads.stream()
                .filter(upload -> upload.method().equalsIgnoreCase(request.getMethodName())
                        && request.getPath().startsWith(upload.path()))
                .mapToLong(UploadLimitProperties::maxSize)
                .findFirst()
                .orElse(defaultLimit);
    }
}
