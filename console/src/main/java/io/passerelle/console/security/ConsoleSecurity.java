package io.passerelle.console.security;

import io.passerelle.console.ConsoleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * The console is a backend-for-frontend: the browser holds only an HttpOnly, SameSite session cookie; the tokens
 * from Keycloak (authorization code with PKCE, a confidential client) stay in the server's session and go to the
 * services on the user's behalf. Every form and htmx request carries the session's CSRF token; logout ends the
 * Keycloak session as well (RP-initiated logout). Every page needs a login; what a user may do is decided by the
 * services, from the same token.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String LOGIN = "/oauth2/authorization/" + KeycloakRegistration.ID;

    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleProperties console) {
        return new InMemoryClientRegistrationRepository(KeycloakRegistration.of(console));
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands the API client a valid access token for the current user, refreshing it when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /** A relative redirect to the login: behind the gateway, the browser resolves it against the gateway's address. */
    private static LoginUrlAuthenticationEntryPoint login() {
        var login = new LoginUrlAuthenticationEntryPoint(LOGIN);
        login.setFavorRelativeUris(true);
        return login;
    }

    /**
     * The actuator beyond health and info, for monitoring rather than people: stateless, an operator's bearer token
     * from the realm (issuer, audience {@code passerelle}, signature), as on every app.
     */
    @Bean
    @Order(1)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        var roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(new BearerRoles());
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole("operator"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(roles)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations, ConsoleProperties console)
            throws Exception {
        var requests = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri(console.base() + "/");
        String keycloak = console.issuer().resolve("/").toString().replaceAll("/$", "");
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/assets/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage(LOGIN)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                        .userInfoEndpoint(user -> user.userAuthoritiesMapper(new RealmRoles())))
                .logout(out -> out.logoutSuccessHandler(logout))
                .exceptionHandling(e -> e
                        // an htmx request whose session ended: htmx follows HX-Redirect to the login
                        .defaultAuthenticationEntryPointFor(new HtmxLoginEntryPoint(LOGIN),
                                new RequestHeaderRequestMatcher("HX-Request", "true"))
                        // the live updates' EventSource cannot follow a login: it is told, and retries
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new RequestHeaderRequestMatcher("Accept", "text/event-stream"))
                        .defaultAuthenticationEntryPointFor(login(), request -> true))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(String.join("; ",
                                "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
                                "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'",
                                // logout is a form whose answer redirects to Keycloak's end-session endpoint
                                "form-action 'self' " + keycloak)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
