package io.passerelle.e2e;

import java.util.Map;

/** Real tokens from the e2e Keycloak: users by password (public client passerelle-cli), machines by client credentials. */
final class Tokens {

    private static final String ENDPOINT = Stack.KEYCLOAK + "/realms/passerelle/protocol/openid-connect/token";

    private Tokens() {
    }

    static String user(String name) {
        return Http.form(ENDPOINT, Map.of("grant_type", "password", "client_id", "passerelle-cli", "username", name,
                "password", name));
    }

    static String pipeline() {
        return Http.form(ENDPOINT, Map.of("grant_type", "client_credentials", "client_id", "passerelle-ci",
                "client_secret", "passerelle-ci-secret"));
    }

    static String monitoring() {
        return Http.form(ENDPOINT, Map.of("grant_type", "client_credentials", "client_id", "passerelle-monitoring",
                "client_secret", "passerelle-monitoring-secret"));
    }
}
