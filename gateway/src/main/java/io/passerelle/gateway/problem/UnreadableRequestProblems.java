package io.passerelle.gateway.problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Puts {@link UnreadableRequests} right behind the HTTP/1.1 decoder of every connection. The decoder's limits are
 * Boot's: {@code server.netty.max-initial-line-length} (414 beyond it) and {@code server.max-http-request-header-size}
 * (431 beyond it).
 */
@Component
class UnreadableRequestProblems implements NettyServerCustomizer {

    static final String HANDLER = "passerelle.unreadableRequests";

    private final Problems problems;
    private final UnreadableRequests.Limits limits;

    UnreadableRequestProblems(Problems problems,
            @Value("${server.netty.max-initial-line-length:4KB}") DataSize initialLine,
            @Value("${server.max-http-request-header-size:8KB}") DataSize headers) {
        this.problems = problems;
        this.limits = new UnreadableRequests.Limits(initialLine.toBytes(), headers.toBytes());
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new UnreadableRequests(problems, limits));
            }
        });
    }
}
