package org.ipdex.gateway.route;

import io.micronaut.http.HttpRequest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids: a caller's own id is kept when it is sane, so a client can correlate its logs with ours; anything
 * else (too long, control characters, log-injection attempts) is replaced by a fresh UUID.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = "ipdex.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    static String choose(HttpRequest<?> request) {
        return Optional.ofNullable(request.getHeaders().get(HEADER)).filter(id -> SANE.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    /** The id {@link RequestContextFilter} gave this request. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> request.getHeaders().get(HEADER));
    }
}
