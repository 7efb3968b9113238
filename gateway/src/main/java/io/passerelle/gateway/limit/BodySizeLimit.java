package io.passerelle.gateway.limit;

import io.passerelle.gateway.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body announced larger than {@code passerelle.http.max-body-size} (the services' limit too) with 413 before
 * it reaches a service. Chunked bodies carry no length: the services count them and refuse the same way.
 */
@Component
@Order(0) // after Spring Security (-100): who may not call the path at all learns nothing about its limits
class BodySizeLimit implements WebFilter {

    private final Problems problems;
    private final DataSize max;

    BodySizeLimit(Problems problems, @Value("${passerelle.http.max-body-size}") DataSize max) {
        this.problems = problems;
        this.max = max;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > max.toBytes()) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                    "the body has " + length + " bytes; at most " + max.toBytes() + " are accepted");
        }
        return chain.filter(exchange);
    }
}
