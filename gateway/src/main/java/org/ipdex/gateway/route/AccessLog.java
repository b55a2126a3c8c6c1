package org.ipdex.gateway.route;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import jakarta.inject.Singleton;
import org.ipdex.gateway.account.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.concurrent.TimeUnit;

/**
 * One line per request, written when Micronaut reports the request finished ({@link HttpRequestTerminatedEvent},
 * after the response was written), not when the gateway's filter chain completes: filters outside that chain, such
 * as the one that turns a DOWN health result into a 503, change the status afterwards, and a line written earlier
 * recorded {@code /health} as 200 while the caller got 503.
 */
@Singleton
final class AccessLog implements ApplicationEventListener<HttpRequestTerminatedEvent> {

    /** A logger of its own, so the access log can be routed or silenced apart from the application log. */
    private static final Logger ACCESS = LoggerFactory.getLogger("org.ipdex.gateway.access");
    private static final String STARTED = "ipdex.access.started";
    private static final String RESPONSE = "ipdex.access.response";
    private static final String ERROR = "ipdex.access.error";

    static void started(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    static void answered(HttpRequest<?> request, HttpResponse<?> response) {
        request.setAttribute(RESPONSE, response);
    }

    static void failed(HttpRequest<?> request, Throwable error) {
        request.setAttribute(ERROR, error.getClass().getSimpleName());
    }

    @Override
    public void onApplicationEvent(HttpRequestTerminatedEvent event) {
        HttpRequest<?> request = event.getSource();
        if (!ACCESS.isInfoEnabled() || request.getAttribute(STARTED, Long.class).isEmpty()) {
            return;
        }
        long start = request.getAttribute(STARTED, Long.class).get();
        String status = request.getAttribute(RESPONSE, HttpResponse.class).map(r -> String.valueOf(r.code()))
                .orElseGet(() -> request.getAttribute(ERROR, String.class).map(e -> "error:" + e).orElse("cancelled"));
        String id = RequestIds.of(request);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            ACCESS.info("{} {} {} {}ms {}", request.getMethodName(), request.getPath(), status,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Caller.of(request).logName());
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
