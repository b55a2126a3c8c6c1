package org.ipdex.authority.coverage;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.body.stream.BodySizeLimits;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.handler.PipeliningServerHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Gives the coverage upload its own size limit. {@code micronaut.server.max-request-size} applies to every body,
 * streamed or not, and must stay small for JSON; a collection list of tens of millions of numbers is streamed to
 * disk and is limited by {@link CoverageConfig#maxUploadBytes()} instead. A handler in front of Micronaut's HTTP/1
 * handler sets the limits per request before the body starts arriving; bodies that are buffered in memory stay
 * limited by {@code max-request-buffer-size} either way.
 */
@Singleton
class UploadSizeLimit implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String PATH = "/api/v1/authority/coverageChecks";
    private static final String HANDLER = "ipdex-upload-size-limit";
    private static final String MICRONAUT_HANDLER = "micronaut-inbound-handler";

    private final BodySizeLimits defaults;
    private final BodySizeLimits upload;

    UploadSizeLimit(HttpServerConfiguration server, CoverageConfig config) {
        this.defaults = new BodySizeLimits(server.getMaxRequestSize(), server.getMaxRequestBufferSize());
        this.upload = new BodySizeLimits(config.maxUploadBytes(), server.getMaxRequestBufferSize());
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    static boolean isUpload(HttpRequest request) {
        if (!HttpMethod.POST.equals(request.method())) {
            return false;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.equals(PATH) || path.equals(PATH + "/");
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            if (channel.pipeline().get(MICRONAUT_HANDLER) instanceof PipeliningServerHandler handler) {
                channel.pipeline().addBefore(MICRONAUT_HANDLER, HANDLER, new PerRequestLimits(handler));
            }
        }
    }

    private final class PerRequestLimits extends ChannelInboundHandlerAdapter {
        private final PipeliningServerHandler handler;

        PerRequestLimits(PipeliningServerHandler handler) {
            this.handler = handler;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
            if (message instanceof HttpRequest request) {
                handler.setBodySizeLimits(isUpload(request) ? upload : defaults);
            }
            super.channelRead(ctx, message);
        }
    }
}
