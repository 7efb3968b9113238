package io.passerelle.gateway;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.passerelle.gateway.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import reactor.core.publisher.Mono;

/**
 * The gateway is the first JWT check: only tokens from the realm's issuer with the {@code passerelle} audience pass
 * to {@code /api/**} and to the Alertmanager webhook; the GitHub webhook passes to the integration service, which
 * verifies its signature, and so does Grafana's (a bearer token with role monitoring, or Grafana's signature, which
 * only the integration service can check: a token, when there is one, is still checked here); the CDEvents webhook's
 * bearer token is a registered sender's, not a JWT, and passes unread. The services check the
 * token again and authorize by role (defence in depth). Every other path belongs to the web console, which requires
 * its own login (a session, no token in the browser). Errors are problem+json, like the services'.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

    static final String CDEVENTS = "/webhooks/cdevents";

    @Bean
    SecurityWebFilterChain edge(ServerHttpSecurity http, Problems problems,
            @Value("${passerelle.console.paths}") String[] consolePaths) {
        var jwtConverter = new JwtAuthenticationConverter();
        jwtConverter.setJwtGrantedAuthoritiesConverter(EdgeSecurity::realmRoles);
        jwtConverter.setPrincipalClaimName("preferred_username");
        Converter<Jwt, Mono<AbstractAuthenticationToken>> converter = new ReactiveJwtAuthenticationConverterAdapter(jwtConverter);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // POST /logout is the console's (it ends the user's session and Keycloak's); the edge has no session
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole("operator")
                        .pathMatchers(HttpMethod.POST, "/webhooks/github").permitAll()
                        // GitLab sends the project's X-Gitlab-Token, no bearer token: integration-service checks it
                        .pathMatchers(HttpMethod.POST, "/webhooks/gitlab").permitAll()
                        // a CDEvents sender's bearer token is its own, not the realm's: integration-service checks it
                        .pathMatchers(HttpMethod.POST, CDEVENTS).permitAll()
                        // Grafana signs its notifications (or sends a monitoring token): integration-service decides
                        .pathMatchers(HttpMethod.POST, "/webhooks/grafana").permitAll()
                        // Slack signs its interactions, Mattermost sends the channel's action token: integration-service
                        // checks them (chat actions, ADR 0026)
                        .pathMatchers(HttpMethod.POST, "/webhooks/slack/**", "/webhooks/mattermost/**").permitAll()
                        // Argo CD's notification service has no bearer token: integration-service checks its token
                        .pathMatchers(HttpMethod.POST, "/api/v1/executors/argocd/notifications").permitAll()
                        .pathMatchers(HttpMethod.POST, "/webhooks/alertmanager").hasRole("monitoring")
                        .pathMatchers("/api/**").authenticated()
                        // the web console: a browser with a session cookie, no bearer token; it logs its users in
                        // through Keycloak itself and calls the APIs above with their tokens
                        .pathMatchers(HttpMethod.GET, consolePaths).permitAll()
                        .pathMatchers(HttpMethod.POST, consolePaths).permitAll()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(o -> o
                        .bearerTokenConverter(senderTokensUnread())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "Unauthenticated", "a valid bearer token from the passerelle realm is required"))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                                "Forbidden", "your roles do not allow this operation")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "Unauthenticated", "a valid bearer token from the passerelle realm is required"))
                        .accessDeniedHandler((exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                                "Forbidden", "this path is not served, or your roles do not allow it")))
                .build();
    }

    /**
     * The realm's bearer token, except on the CDEvents webhook, where {@code Authorization: Bearer} holds a registered
     * sender's token (not a JWT): it passes untouched to integration-service, which checks it.
     */
    static ServerAuthenticationConverter senderTokensUnread() {
        var jwt = new ServerBearerTokenAuthenticationConverter();
        return exchange -> CDEVENTS.equals(exchange.getRequest().getPath().pathWithinApplication().value())
                ? Mono.empty() : jwt.convert(exchange);
    }

    static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
