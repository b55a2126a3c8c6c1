package org.ipdex.gateway.route;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.ipdex.gateway.FilterOrder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.Map;

/**
 * The outermost filter: gives every request its id (header to the backends and back to the caller, MDC for every
 * log line on the request's path) and remembers what {@link AccessLog} needs to write one line per request once the
 * response has been sent, refused requests included.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class RequestContextFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_CONTEXT;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        AccessLog.started(request);
        String id = RequestIds.choose(request);
        // in the request's own headers too (a mutable view of them), so problem documents built anywhere further
        // down carry the id; the request itself travels on unchanged, or its body would no longer bind
        request.mutate().getHeaders().set(RequestIds.HEADER, id);
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        PropagatedContext context = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(Map.of(RequestIds.MDC_KEY, id)));
        try (PropagatedContext.Scope ignored = context.propagate()) {
            return Flux.from(chain.proceed(request))
                    .doOnNext(response -> {
                        // the same object is sent; filters outside this chain (health's) may still change its status,
                        // which is why the access log reads it only after the response has gone out
                        AccessLog.answered(request, response);
                        response.header(RequestIds.HEADER, id);
                    })
                    .doOnError(error -> AccessLog.failed(request, error));
        }
    }
}
