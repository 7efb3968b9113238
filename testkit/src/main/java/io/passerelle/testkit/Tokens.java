package io.passerelle.testkit;

import java.util.Map;

/** Real tokens from the realm: users by password (public client passerelle-cli), machines by client credentials. */
public final class Tokens {

    private final String endpoint;

    /** @param keycloak e.g. {@code http://127.0.0.1:8180} */
    public Tokens(String keycloak) {
        this.endpoint = keycloak + "/realms/passerelle/protocol/openid-connect/token";
    }

    public String user(String name) {
        return Http.form(endpoint, Map.of("grant_type", "password", "client_id", "passerelle-cli", "username", name,
                "password", name));
    }

    public String pipeline() {
        return Http.form(endpoint, Map.of("grant_type", "client_credentials", "client_id", "passerelle-ci",
                "client_secret", "passerelle-ci-secret"));
    }

    public String monitoring() {
        return Http.form(endpoint, Map.of("grant_type", "client_credentials", "client_id", "passerelle-monitoring",
                "client_secret", "passerelle-monitoring-secret"));
    }
}
