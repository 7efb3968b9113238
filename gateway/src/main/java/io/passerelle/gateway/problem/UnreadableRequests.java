package io.passerelle.gateway.problem;

import java.util.ArrayDeque;
import java.util.Deque;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Requests that Reactor Netty's HTTP decoder cannot read never reach Spring: Reactor Netty answers them itself with an
 * empty 400, 414 or 431 and closes the connection. Sitting between the decoder and Reactor Netty's request handling,
 * this handler remembers which request each response answers and, when that request failed to decode and the answer
 * is such an empty refusal, gives it a problem+json body.
 * <p>
 * A chunked body that breaks after its request was passed on would otherwise end as if it were whole, and the service
 * would receive the part read so far as a complete request: the handler answers 400 itself and closes the connection,
 * which aborts the request to the service. One instance per connection.
 */
final class UnreadableRequests extends ChannelDuplexHandler {

    private final Problems problems;
    private final Limits limits;
    /** Requests read on this connection whose response has not begun, oldest first (HTTP/1.1 answers in order). */
    private final Deque<HttpRequest> unanswered = new ArrayDeque<>();

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
        } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
            content.release();
            var request = unanswered.size() == 1 ? unanswered.poll() : null; // else earlier answers are still due
            if (request == null) {
                ctx.close();
            } else {
                var body = problems.body(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "the body's "
                        + "chunked framing cannot be read (a chunk size or the end of a chunk is broken); none of it "
                        + "was passed on as a whole request", null);
                ctx.writeAndFlush(problem(request.protocolVersion(), HttpResponseStatus.BAD_REQUEST, body))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            var request = unanswered.pollFirst();
            if (request != null && request.decoderResult().isFailure() && response instanceof FullHttpResponse full
                    && isEmptyRefusal(full) && !HttpMethod.HEAD.equals(request.method())) {
                var body = body(full.status(), request.decoderResult().cause());
                full.release();
                super.write(ctx, problem(full.protocolVersion(), full.status(), body), promise);
                return;
            }
        }
        super.write(ctx, msg, promise);
    }

    private static boolean isEmptyRefusal(FullHttpResponse response) {
        int status = response.status().code();
        return (status == 400 || status == 414 || status == 431) && response.content().readableBytes() == 0;
    }

    private byte[] body(HttpResponseStatus refusal, Throwable failure) {
        var status = HttpStatus.valueOf(refusal.code());
        var cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TooLongHttpLineException || status == HttpStatus.URI_TOO_LONG) {
            return problems.body(status, "uri-too-long", "URI too long", "the request line (method, path and query) "
                    + "is longer than " + limits.initialLineBytes() + " bytes", null);
        }
        if (cause instanceof TooLongHttpHeaderException || status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE) {
            return problems.body(status, "headers-too-large", "Request headers too large", "the request headers are "
                    + "larger than " + limits.headerBytes() + " bytes in all", null);
        }
        return problems.body(status, "invalid-request", "Invalid request", "the request is not well-formed "
                + "HTTP/1.1: its request line, a header, or the framing of its body (Content-Length, "
                + "Transfer-Encoding) cannot be read", null);
    }

    /** A complete problem response after which the connection closes (nothing more can be read on it). */
    private static FullHttpResponse problem(HttpVersion version, HttpResponseStatus status, byte[] body) {
        var response = new DefaultFullHttpResponse(version, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
