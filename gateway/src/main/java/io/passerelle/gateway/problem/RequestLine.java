package io.passerelle.gateway.problem;

import java.util.Optional;

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
 * What Reactor Netty's decoder lets through but HTTP does not allow, refused before any route or token check:
 * <ul>
 * <li>a request target with raw characters outside ASCII (RFC 3986: they are percent-encoded). The proxy would
 * forward {@code ?service=\xFF\xFE} re-encoded as valid replacement characters, and the service could no longer see
 * that the client sent garbage;</li>
 * <li>several {@code Host} headers, or none in HTTP/1.1 (RFC 9112 §3.2): two hosts are how requests are smuggled
 * past a proxy that reads the other one.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLine implements WebFilter {

    private final Problems problems;

    RequestLine(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var netty = netty(exchange);
        var target = netty.map(HttpServerRequest::uri).orElseGet(() -> exchange.getRequest().getURI().getRawPath());
        if (target.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            return refuse(exchange, "the path or query holds a character that must be percent-encoded");
        }
        var hosts = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.HOST);
        if (hosts.size() > 1) {
            return refuse(exchange, "the request names more than one Host");
        }
        if (hosts.isEmpty() && netty.filter(n -> HttpVersion.HTTP_1_1.equals(n.version())).isPresent()) {
            return refuse(exchange, "the request names no Host");
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String detail) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    /** The request as Reactor Netty read it; absent for requests built in memory (tests). */
    private static Optional<HttpServerRequest> netty(ServerWebExchange exchange) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof HttpServerRequest n
                    ? Optional.of(n) : Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException notServedByNetty) {
            return Optional.empty();
        }
    }
}
