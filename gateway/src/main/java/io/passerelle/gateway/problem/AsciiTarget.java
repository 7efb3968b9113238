package io.passerelle.gateway.problem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * A request target is ASCII (RFC 3986: anything else is percent-encoded). Reactor Netty reads raw bytes such as
 * {@code ?service=\xFF\xFE} and the proxy would forward them re-encoded as valid UTF-8 replacement characters, so
 * the service could no longer see that the client sent garbage: they are refused here, as the services refuse them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AsciiTarget implements WebFilter {

    private final Problems problems;

    AsciiTarget(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var target = rawTarget(exchange);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                        "the path or query holds a character that must be percent-encoded");
            }
        }
        return chain.filter(exchange);
    }

    /** The request target as the client sent it; requests built in memory by tests have only their URI. */
    private static String rawTarget(ServerWebExchange exchange) {
        try {
            if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof HttpServerRequest netty) {
                return netty.uri();
            }
        } catch (IllegalArgumentException | IllegalStateException notServedByNetty) {
            // fall through
        }
        return exchange.getRequest().getURI().getRawPath();
    }
}
