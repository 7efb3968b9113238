package io.passerelle.gateway.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own refusals as problem+json ({@code type} https://passerelle.io/problems/&lt;slug&gt;, listed in
 * docs/problems.md). Errors that come back from a service are not touched: they pass through as the service wrote them.
 */
@Component
public class Problems {

    private static final String TYPES = "https://passerelle.io/problems/";

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** The body of a problem; {@code instance} is the request path where one could be read. */
    public byte[] body(HttpStatus status, String type, String title, String detail, @Nullable String instance) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }

    /** Answers the exchange with a problem, whatever its Accept header asked for. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        var bytes = body(status, type, title, detail, instance(exchange));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private static @Nullable String instance(ServerWebExchange exchange) {
        try {
            return URI.create(exchange.getRequest().getPath().value()).toString();
        } catch (IllegalArgumentException notAUri) {
            return null; // a path the firewall refused may not even be a URI reference
        }
    }
}
