package io.passerelle.gateway.limit;

import io.passerelle.gateway.limit.RateLimits.Kind;
import io.passerelle.gateway.limit.RateLimits.Limit;
import io.passerelle.gateway.limit.RateLimits.Scope;
import io.passerelle.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Takes a token for a request and lets it through, or answers 429 problem+json with {@code Retry-After}. */
@Component
class TooManyRequests {

    private final TokenBuckets buckets;
    private final Problems problems;

    TooManyRequests(TokenBuckets buckets, Problems problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    Mono<Void> check(ServerWebExchange exchange, WebFilterChain chain, Scope scope, String who) {
        var kind = Kind.of(exchange.getRequest().getPath().value());
        return buckets.take(kind, scope, who).flatMap(verdict -> verdict.allowed() ? chain.filter(exchange)
                : refuse(exchange, kind, scope, verdict.limit()));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Kind kind, Scope scope, Limit limit) {
        long retryAfter = limit.retryAfterSeconds();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        var what = kind == Kind.WEBHOOKS ? "webhook deliveries" : "API requests";
        var from = scope == Scope.CLIENT ? "this client" : "this address";
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "more " + what + " from " + from + " than the limit of " + limit + "; retry after " + retryAfter + " s");
    }
}
