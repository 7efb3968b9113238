package io.passerelle.gateway.problem;

import java.util.ArrayDeque;
import java.util.Deque;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Requests that Reactor Netty's HTTP decoder cannot read never reach Spring: Reactor Netty answers them itself with an
 * empty 400, 414 or 431 and closes the connection. Sitting between the decoder and Reactor Netty's request handling,
 * this handler remembers which request each response answers and, when that request (or its body) failed to decode
 * and the answer is such an empty refusal, gives it a problem+json body. One instance per connection.
 */
final class UnreadableRequests extends ChannelDuplexHandler {

    private final Problems problems;
    private final Limits limits;
    /** Requests read on this connection whose response has not begun, oldest first (HTTP/1.1 answers in order). */
    private final Deque<HttpRequest> unanswered = new ArrayDeque<>();
    private @Nullable HttpRequest bodyFailed;
    private @Nullable Throwable bodyFailure;

    /** The decoder's limits, named in the refusals. */
    record Limits(long initialLineBytes, long headerBytes) {
    }

    UnreadableRequests(Problems problems, Limits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            unanswered.addLast(request);
        } else if (msg instanceof HttpContent content && content.decoderResult().isFailure() && !unanswered.isEmpty()) {
            bodyFailed = unanswered.peekLast();
            bodyFailure = content.decoderResult().cause();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && response.status().codeClass() != io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL) {
            var request = unanswered.pollFirst();
            var failure = request == null ? null : failure(request);
            if (failure != null && response instanceof FullHttpResponse full && isEmptyRefusal(full)
                    && !HttpMethod.HEAD.equals(request.method())) {
                var problem = problem(full, failure);
                full.release();
                super.write(ctx, problem, promise);
                return;
            }
        }
        super.write(ctx, msg, promise);
    }

    private @Nullable Throwable failure(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return request.decoderResult().cause();
        }
        return request == bodyFailed ? bodyFailure : null;
    }

    private static boolean isEmptyRefusal(FullHttpResponse response) {
        int status = response.status().code();
        return (status == 400 || status == 414 || status == 431) && response.content().readableBytes() == 0;
    }

    private FullHttpResponse problem(FullHttpResponse refusal, Throwable failure) {
        var status = HttpStatus.valueOf(refusal.status().code());
        var cause = failure.getCause() != null ? failure.getCause() : failure;
        byte[] body;
        if (cause instanceof TooLongHttpLineException || status == HttpStatus.URI_TOO_LONG) {
            body = problems.body(status, "uri-too-long", "URI too long", "the request line (method, path and query) "
                    + "is longer than " + limits.initialLineBytes() + " bytes", null);
        } else if (cause instanceof TooLongHttpHeaderException || status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE) {
            body = problems.body(status, "headers-too-large", "Request headers too large", "the request headers are "
                    + "larger than " + limits.headerBytes() + " bytes in all", null);
        } else {
            body = problems.body(status, "malformed-request", "Malformed request", "the request is not well-formed "
                    + "HTTP/1.1: its request line, a header, or the framing of its body (Content-Length, "
                    + "Transfer-Encoding, chunk sizes) cannot be read", null);
        }
        var problem = new DefaultFullHttpResponse(refusal.protocolVersion(), refusal.status(), Unpooled.wrappedBuffer(body));
        problem.headers().set(refusal.headers())
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return problem;
    }
}
