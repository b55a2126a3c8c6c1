package org.ipdex.gateway.limit;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpRequestWrapper;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.netty.NettyHttpRequestBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request on its way to a backend whose streamed body fails with Micronaut's own
 * {@code ContentLengthExceededException} (a 413 problem) once more than {@code limit} bytes have passed, so a chunked
 * body is held to its route's limit while it streams, without ever being buffered.
 *
 * <p>Why this shape: the server-wide {@code micronaut.server.max-request-size} has to be as large as the largest
 * upload (20 GB) for authority editions to pass at all, so the 25 MB of every other route is enforced here. The
 * proxy client takes a request's body from {@link NettyHttpRequestBuilder#byteBodyDirect()} (setting a
 * {@code Publisher} body instead would re-encode JSON as a JSON array), hence that interface, which Micronaut marks
 * internal: {@code BoundedBodyTest} fails loudly if a Micronaut upgrade changes it.
 */
final class BoundedBodyRequest<B> extends MutableHttpRequestWrapper<B> implements NettyHttpRequestBuilder {

    private final CloseableByteBody body;

    private BoundedBodyRequest(ConversionService conversion, MutableHttpRequest<B> outgoing, CloseableByteBody body) {
        super(conversion, outgoing);
        this.body = body;
    }

    /**
     * {@code outgoing} (the mutated copy that goes to the backend) with the body of {@code incoming} bounded to
     * {@code limit} bytes; {@code outgoing} itself when there is nothing to bound.
     */
    static MutableHttpRequest<?> of(HttpRequest<?> incoming, MutableHttpRequest<?> outgoing, long limit) {
        if (!(incoming instanceof ServerHttpRequest<?> server) || incoming.getContentLength() >= 0
                || !incoming.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // a declared length was checked against the limit already, and Netty holds the body to it
            return outgoing;
        }
        CloseableByteBody original = server.byteBody().move();
        CloseableByteBody bounded = server.byteBodyFactory().adapt(counted(original.toReadBufferPublisher(), limit),
                OptionalLong.empty());
        return new BoundedBodyRequest<>(ConversionService.SHARED, outgoing, bounded);
    }

    /**
     * Counts the bytes as they pass and fails the stream once there are too many. Counted here rather than with
     * {@code ByteBodyFactory.adapt(…, BodySizeLimits, …)}: Micronaut's Netty factory ignores the limits it is given
     * (4.10).
     */
    static Flux<ReadBuffer> counted(Publisher<ReadBuffer> body, long limit) {
        AtomicLong seen = new AtomicLong();
        return Flux.from(body).handle((buffer, sink) -> {
            long total = seen.addAndGet(buffer.readable());
            if (total > limit) {
                buffer.close();
                sink.error(new ContentLengthExceededException(limit, total));
            } else {
                sink.next(buffer);
            }
        });
    }

    @Override
    public ByteBody byteBodyDirect() {
        return body;
    }

    @Override
    public io.netty.handler.codec.http.HttpRequest toHttpRequestWithoutBody() {
        return NettyHttpRequestBuilder.asBuilder(getDelegate()).toHttpRequestWithoutBody();
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpRequest<B> getDelegate() {
        return (MutableHttpRequest<B>) super.getDelegate();
    }
}
