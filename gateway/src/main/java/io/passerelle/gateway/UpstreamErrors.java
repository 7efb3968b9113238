package io.passerelle.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.passerelle.gateway.problem.Problems;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors raised in the gateway itself (a service down, a timeout, no route, an Accept header it cannot satisfy) as
 * problem+json: 503 when the service cannot be reached, 504 when it does not answer in time, the status of the error
 * otherwise.
 */
@Component
@Order(-2)
class UpstreamErrors implements ErrorWebExceptionHandler {

    private final Problems problems;

    UpstreamErrors(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (causedBy(error, ConnectException.class)) {
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Service unavailable", "the service behind this path cannot be reached; try again shortly");
        }
        if (causedBy(error, TimeoutException.class)) {
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "service-timeout",
                    "Service timeout", "the service behind this path did not answer in time");
        }
        if (error instanceof ResponseStatusException status) {
            var code = HttpStatus.valueOf(status.getStatusCode().value());
            exchange.getResponse().getHeaders().putAll(status.getHeaders()); // Allow with 405, Accept with 415
            return switch (code) {
                case NOT_FOUND -> problems.write(exchange, code, "not-found", "Not found", "no service serves this path");
                case METHOD_NOT_ALLOWED -> problems.write(exchange, code, "method-not-allowed", "Method not allowed",
                        "this path does not serve the method " + exchange.getRequest().getMethod().name());
                case NOT_ACCEPTABLE -> problems.write(exchange, code, "not-acceptable", "Not acceptable",
                        "the Accept header names no media type this endpoint can produce; it answers JSON");
                default -> problems.write(exchange, code, code.is4xxClientError() ? "invalid-request" : "gateway-error",
                        code.getReasonPhrase(), status.getReason() == null ? code.getReasonPhrase() : status.getReason());
            };
        }
        return problems.write(exchange, HttpStatus.BAD_GATEWAY, "gateway-error", "Bad gateway",
                "the gateway could not complete the request");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
