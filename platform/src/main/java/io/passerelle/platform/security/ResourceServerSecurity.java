package io.passerelle.platform.security;

import io.passerelle.platform.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every service is a stateless JWT resource server: issuer, audience and signature are checked (properties under
 * {@code spring.security.oauth2.resourceserver.jwt}); roles come from the realm; each endpoint names the roles it
 * admits with {@code @PreAuthorize}, which an architecture test enforces. Errors are problem+json. The chat bridge
 * acts for realm users ({@link ActingUser}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class ResourceServerSecurity {

    @Bean
    SecurityFilterChain resourceServer(HttpSecurity http, SecurityProperties properties, ProblemWriter problems) {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> problems.write(response,
                HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "a valid bearer token from the passerelle realm is required");
        AccessDeniedHandler denied = (request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "your roles do not allow this operation");
        var jwtConverter = new JwtAuthenticationConverter();
        jwtConverter.setJwtGrantedAuthoritiesConverter(new RealmRolesConverter());
        jwtConverter.setPrincipalClaimName("preferred_username");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // the error page renders the problem of a request that already passed (or failed) its checks
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/*.yaml").permitAll()
                        .requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.OPERATOR)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(ownTokensUnread(properties))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                // the chat bridge's token becomes the user it acts for (ADR 0026); anyone else's headers are ignored
                .addFilterAfter(new ActingUserFilter(problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** The realm's bearer token, except on the paths where {@code Authorization} holds a token the service checks. */
    static BearerTokenResolver ownTokensUnread(SecurityProperties properties) {
        var jwt = new DefaultBearerTokenResolver();
        return request -> properties.ownTokenPaths().contains(request.getRequestURI()) ? null : jwt.resolve(request);
    }
}
