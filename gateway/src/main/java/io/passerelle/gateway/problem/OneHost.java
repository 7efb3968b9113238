package io.passerelle.gateway.problem;

import io.netty.handler.codec.http.HttpVersion;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * A request names exactly one {@code Host} (RFC 9112 §3.2: an HTTP/1.1 request with none, or any with several, is a
 * 400). Two hosts are how requests
 * are smuggled past a proxy that reads the other one; refusing them here keeps the gateway and the services agreeing
 * on what was asked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OneHost implements WebFilter {

    private final Problems problems;

    OneHost(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var hosts = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.HOST);
        if (hosts.size() > 1 || hosts.isEmpty() && http11(exchange)) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    hosts.isEmpty() ? "the request names no Host" : "the request names more than one Host");
        }
        return chain.filter(exchange);
    }

    /** HTTP/1.1 requires a Host; HTTP/1.0 did not (and requests built in memory by tests carry none). */
    private static boolean http11(ServerWebExchange exchange) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof HttpServerRequest netty
                    && HttpVersion.HTTP_1_1.equals(netty.version());
        } catch (IllegalArgumentException | IllegalStateException notServedByNetty) {
            return false;
        }
    }
}
