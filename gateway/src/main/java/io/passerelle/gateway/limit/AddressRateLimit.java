package io.passerelle.gateway.limit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import io.passerelle.gateway.limit.RateLimits.Scope;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The limit per source address, on every request the HTTP decoder could read, before anything else looks at it:
 * refused tokens, paths nobody serves and health checks count too. The address is the connection's peer (or what
 * {@code server.forward-headers-strategy} makes of a trusted proxy's headers); an IPv6 client counts as its /64,
 * the block one subscriber usually holds.
 */
@Component
@Order(-200) // before Spring Security's WebFilterChainProxy (-100)
class AddressRateLimit implements WebFilter {

    private final TooManyRequests limiter;

    AddressRateLimit(TooManyRequests limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var remote = exchange.getRequest().getRemoteAddress();
        var address = remote == null || remote.getAddress() == null ? "unknown" : key(remote.getAddress());
        return limiter.check(exchange, chain, Scope.ADDRESS, address);
    }

    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            try {
                var block = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(block, 8, 16, (byte) 0);
                return "ip:" + InetAddress.getByAddress(block).getHostAddress() + "/64";
            } catch (UnknownHostException cannotHappen) {
                throw new IllegalStateException(cannotHappen);
            }
        }
        return "ip:" + address.getHostAddress();
    }
}
