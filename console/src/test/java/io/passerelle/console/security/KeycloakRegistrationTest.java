package io.passerelle.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import io.passerelle.console.ConsoleProperties;
import org.junit.jupiter.api.Test;

class KeycloakRegistrationTest {

    static final URI ISSUER = URI.create("http://localhost:8180/realms/passerelle");

    @Test
    void the_browser_goes_to_the_issuer_and_comes_back_to_the_address_of_each_request() {
        var registration = KeycloakRegistration.of(new ConsoleProperties(URI.create("http://127.0.0.1:8080"), ISSUER,
                null, null, "passerelle-console", "secret"));
        var provider = registration.getProviderDetails();
        assertThat(provider.getAuthorizationUri()).isEqualTo(ISSUER + "/protocol/openid-connect/auth");
        assertThat(provider.getTokenUri()).isEqualTo(ISSUER + "/protocol/openid-connect/token");
        assertThat(provider.getIssuerUri()).isEqualTo(ISSUER.toString());
        assertThat(provider.getConfigurationMetadata()).containsEntry("end_session_endpoint",
                ISSUER + "/protocol/openid-connect/logout");
        assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
    }

    @Test
    void in_a_container_network_the_console_reaches_the_realm_inside_and_names_its_public_address() {
        var registration = KeycloakRegistration.of(new ConsoleProperties(URI.create("http://gateway:8080"), ISSUER,
                URI.create("http://keycloak:8080/realms/passerelle"), URI.create("http://localhost:8080/"),
                "passerelle-console", "secret"));
        var provider = registration.getProviderDetails();
        assertThat(provider.getAuthorizationUri()).startsWith("http://localhost:8180/"); // the browser's way
        assertThat(provider.getTokenUri()).isEqualTo("http://keycloak:8080/realms/passerelle/protocol/openid-connect/token");
        assertThat(provider.getJwkSetUri()).startsWith("http://keycloak:8080/");
        assertThat(provider.getIssuerUri()).isEqualTo(ISSUER.toString()); // what the tokens say
        assertThat(registration.getRedirectUri()).isEqualTo("http://localhost:8080/login/oauth2/code/{registrationId}");
    }
}
