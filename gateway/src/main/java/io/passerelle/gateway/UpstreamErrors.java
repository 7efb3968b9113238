package io.passerelle.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors raised in the gateway itself (a service down, a timeout, no route) as problem+json: 503 when the service
 * cannot be reached, 504 when it does not answer in time, the status of the error otherwise.
 */
@Component
@Order(-2)
class UpstreamErrors implements ErrorWebExceptionHandler {

    private final JsonMapper json;

    UpstreamErrors(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (causedBy(error, ConnectException.class)) {
            return EdgeSecurity.problem(exchange, json, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Service unavailable", "the service behind this path cannot be reached; try again shortly");
        }
        if (causedBy(error, TimeoutException.class)) {
            return EdgeSecurity.problem(exchange, json, HttpStatus.GATEWAY_TIMEOUT, "service-timeout",
                    "Service timeout", "the service behind this path did not answer in time");
        }
        if (error instanceof ResponseStatusException status) {
            var code = HttpStatus.valueOf(status.getStatusCode().value());
            return EdgeSecurity.problem(exchange, json, code, code.is4xxClientError() ? "invalid-request" : "gateway-error",
                    code.getReasonPhrase(), status.getReason() == null ? code.getReasonPhrase() : status.getReason());
        }
        return EdgeSecurity.problem(exchange, json, HttpStatus.BAD_GATEWAY, "gateway-error", "Bad gateway",
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
