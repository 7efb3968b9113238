package io.passerelle.gateway.limit;

import java.util.Optional;

import io.passerelle.gateway.limit.RateLimits.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The limit per client, on every request that carried a valid token: the token's subject, which is the user for a
 * person's token and the client's own service account for a client-credentials token (a pipeline, the monitoring);
 * {@code client_id} or {@code azp} where a token has no subject. Requests without a token (the GitHub webhook, whose
 * signature the integration service checks, and health checks) have only their address's limit.
 */
@Component
@Order(-90) // right after Spring Security (-100), which has authenticated the token
class ClientRateLimit implements WebFilter {

    private final TooManyRequests limiter;

    ClientRateLimit(TooManyRequests limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .mapNotNull(principal -> key(((JwtAuthenticationToken) principal).getToken()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(client -> client.isPresent() ? limiter.check(exchange, chain, Scope.CLIENT, client.get())
                        : chain.filter(exchange));
    }

    static @Nullable String key(Jwt token) {
        for (var claim : new String[] {"sub", "client_id", "azp"}) {
            var value = token.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return claim + ":" + value;
            }
        }
        return null;
    }
}
