package org.ipdex.gateway.route;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.ipdex.gateway.FilterOrder;
import org.ipdex.gateway.account.Caller;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outermost filter: gives every request its id (header to the backends and back to the caller, MDC for every
 * log line on the request's path) and writes one access-log line per request, refused ones included.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class RequestContextFilter implements HttpServerFilter {

    /** A logger of its own, so the access log can be routed or silenced apart from the application log. */
    private static final Logger ACCESS = LoggerFactory.getLogger("org.ipdex.gateway.access");

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_CONTEXT;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long start = System.nanoTime();
        String id = RequestIds.choose(request);
        // in the request's own headers too (a mutable view of them), so problem documents built anywhere further
        // down carry the id; the request itself travels on unchanged, or its body would no longer bind
        request.mutate().getHeaders().set(RequestIds.HEADER, id);
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        HttpRequest<?> tagged = request;
        PropagatedContext context = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(Map.of(RequestIds.MDC_KEY, id)));
        try (PropagatedContext.Scope ignored = context.propagate()) {
            AtomicReference<MutableHttpResponse<?>> answer = new AtomicReference<>();
            return Flux.from(chain.proceed(tagged))
                    .doOnNext(response -> {
                        answer.set(response);
                        response.header(RequestIds.HEADER, id);
                    })
                    // logged at the end: filters that run after this one (health's) may still change the status
                    .doFinally(signal -> {
                        MutableHttpResponse<?> response = answer.get();
                        log(tagged, id, response == null ? "cancelled" : String.valueOf(response.code()), start);
                    });
        }
    }

    private static void log(HttpRequest<?> request, String id, String status, long start) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            ACCESS.info("{} {} {} {}ms {}", request.getMethodName(), request.getPath(), status,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Caller.of(request).logName());
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
