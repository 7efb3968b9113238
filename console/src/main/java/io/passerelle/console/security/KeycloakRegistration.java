package io.passerelle.console.security;

import java.util.Map;

import io.passerelle.console.ConsoleProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The console's client registration, built from the realm's issuer with Keycloak's fixed endpoint paths rather than
 * by discovery: the console starts while Keycloak is still starting, and the first login finds it up.
 */
final class KeycloakRegistration {

    static final String ID = "keycloak";

    private KeycloakRegistration() {
    }

    static ClientRegistration of(ConsoleProperties console) {
        String issuer = console.issuer().toString().replaceAll("/+$", "");
        String oidc = issuer + "/protocol/openid-connect"; // what the browser is sent to
        String backchannel = console.realm().toString().replaceAll("/+$", "") + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(ID)
                .clientId(console.clientId())
                .clientSecret(console.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(console.base() + "/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(oidc + "/auth")
                .tokenUri(backchannel + "/token")
                .jwkSetUri(backchannel + "/certs")
                .userInfoUri(backchannel + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(issuer)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
                .clientName("Passerelle")
                .build();
    }
}
