package io.passerelle.gateway.problem;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Gives a problem body to the two refusals made below Spring's error handling:
 * <ul>
 * <li>what Reactor Netty's HTTP/1.1 decoder cannot read, through {@link UnreadableRequests} right behind the decoder
 * of every connection; its limits are Boot's {@code server.netty.max-initial-line-length} (414 beyond it) and
 * {@code server.max-http-request-header-size} (431 beyond it);</li>
 * <li>a request target Spring cannot make a URI of ({@code %ZZ}, raw control characters): Spring's Reactor adapter
 * sets 400 and sends nothing, which is the only way a request can end unanswered here.</li>
 * </ul>
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
        return server
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    var pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                        pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new UnreadableRequests(problems, limits));
                    }
                })
                .mapHandle((handling, connection) -> handling.then(Mono.defer(() -> answerIfUnanswered(connection))));
    }

    private Mono<Void> answerIfUnanswered(Connection connection) {
        if (!(connection instanceof HttpServerResponse response) || response.hasSentHeaders()
                || !HttpResponseStatus.BAD_REQUEST.equals(response.status())) {
            return Mono.empty();
        }
        var body = problems.body(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "the request target "
                + "is not a valid URI: a '%' not followed by two hexadecimal digits, or a character that must be "
                + "percent-encoded", null);
        return response.header(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
                .sendByteArray(Mono.just(body)).then();
    }
}
