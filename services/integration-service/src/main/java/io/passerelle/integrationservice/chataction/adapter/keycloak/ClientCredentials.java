package io.passerelle.integrationservice.chataction.adapter.keycloak;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The chat bridge's own access token (client credentials of the confidential client {@code passerelle-chatops}),
 * kept until shortly before it expires.
 */
public final class ClientCredentials {

    private static final Duration EARLY = Duration.ofSeconds(30);

    private final RestClient http;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private @Nullable String token;
    private Instant expires = Instant.MIN;

    public ClientCredentials(RestClient http, String tokenUrl, String clientId, String clientSecret, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public String clientId() {
        return clientId;
    }

    /** @throws IllegalStateException no secret configured, or Keycloak refused the client */
    public synchronized String token() {
        var now = clock.instant();
        if (token != null && now.isBefore(expires)) {
            return token;
        }
        if (clientSecret.isBlank()) {
            throw new IllegalStateException("chat actions are not configured: passerelle.chatops.client-secret"
                    + " (PASSERELLE_CHATOPS_CLIENT_SECRET) is empty");
        }
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        var answer = http.post().uri(tokenUrl).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .retrieve().body(JsonNode.class);
        if (answer == null || !answer.hasNonNull("access_token")) {
            throw new IllegalStateException("Keycloak gave no access token to " + clientId);
        }
        token = answer.get("access_token").asString();
        expires = now.plusSeconds(answer.path("expires_in").asLong(60)).minus(EARLY);
        return token;
    }
}
