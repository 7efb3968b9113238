package io.passerelle.gateway.problem;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's strict firewall refuses, before any route or token check, methods outside {@link #METHODS} and
 * paths or headers built to slip past path rules ({@code %2f}, {@code %2e}, {@code ..}, {@code //}, {@code ;},
 * {@code %0d%0a}, control characters). Its default answer is an empty 400; here the refusal says what was refused.
 */
@Configuration(proxyBeanMethods = false)
class RefusedRequests {

    static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    @Bean
    ServerWebExchangeFirewall firewall() {
        var firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHttpMethods(METHODS);
        return firewall;
    }

    @Bean
    ServerExchangeRejectedHandler problemForRefusedRequests(Problems problems) {
        return (exchange, rejected) -> {
            var request = exchange.getRequest();
            if (!METHODS.contains(request.getMethod())) {
                exchange.getResponse().getHeaders().setAllow(new LinkedHashSet<>(METHODS));
                return problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                        "the method " + printable(request.getMethod().name()) + " is not served; use one of "
                                + METHODS.stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
            }
            if (hasRefusedHeader(request.getHeaders())) {
                return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                        "a header name or value holds control characters or characters HTTP does not allow");
            }
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "the path holds a sequence refused at the edge: an encoded '/', '\\', '.' or '%', a '..' or '//' "
                            + "segment, a ';', or a control character such as an encoded line break");
        };
    }

    private static boolean hasRefusedHeader(HttpHeaders headers) {
        return headers.headerSet().stream().anyMatch(header ->
                !StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(header.getKey())
                        || header.getValue().stream().anyMatch(v -> !StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(v)));
    }

    /** The method as the client sent it, cut short and without control characters. */
    private static String printable(String method) {
        var shown = method.length() > 20 ? method.substring(0, 20) + "…" : method;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    private RefusedRequests() {
    }
}
