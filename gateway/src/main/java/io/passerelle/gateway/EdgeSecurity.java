package io.passerelle.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway is the first JWT check: only tokens from the realm's issuer with the {@code passerelle} audience pass
 * to {@code /api/**} and to the Alertmanager webhook; the GitHub webhook passes to the integration service, which
 * verifies its signature. The services check the token again and authorize by role (defence in depth). Everything
 * else is refused. Errors are problem+json, like the services'.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

    @Bean
    SecurityWebFilterChain edge(ServerHttpSecurity http, JsonMapper json) {
        var jwtConverter = new JwtAuthenticationConverter();
        jwtConverter.setJwtGrantedAuthoritiesConverter(EdgeSecurity::realmRoles);
        jwtConverter.setPrincipalClaimName("preferred_username");
        Converter<Jwt, Mono<AbstractAuthenticationToken>> converter = new ReactiveJwtAuthenticationConverterAdapter(jwtConverter);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers(HttpMethod.POST, "/webhooks/github").permitAll()
                        .pathMatchers(HttpMethod.POST, "/webhooks/alertmanager").hasRole("monitoring")
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, json, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "Unauthenticated", "a valid bearer token from the passerelle realm is required"))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, json, HttpStatus.FORBIDDEN, "forbidden",
                                "Forbidden", "your roles do not allow this operation")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> problem(exchange, json, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "Unauthenticated", "a valid bearer token from the passerelle realm is required"))
                        .accessDeniedHandler((exchange, ex) -> problem(exchange, json, HttpStatus.FORBIDDEN, "forbidden",
                                "Forbidden", "this path is not served, or your roles do not allow it")))
                .build();
    }

    static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    static Mono<Void> problem(ServerWebExchange exchange, JsonMapper json, HttpStatus status, String type, String title,
            String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://passerelle.io/problems/" + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        var body = response.bufferFactory().wrap(json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
