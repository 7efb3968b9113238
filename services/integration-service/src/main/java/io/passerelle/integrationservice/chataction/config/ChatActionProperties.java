package io.passerelle.integrationservice.chataction.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.chatops.*} as the chat actions read it.
 *
 * @param api where the services' endpoints are called (the gateway)
 * @param issuer the realm's issuer: its token endpoint, and its Admin REST API beside it
 * @param clientId the bridge's confidential client (realm role chat-bridge)
 * @param clientSecret its secret (PASSERELLE_CHATOPS_CLIENT_SECRET); empty: chat actions answer that they are not
 *        configured
 * @param userCache how long a chat user's realm user (name, roles) is kept
 */
@ConfigurationProperties("passerelle.chatops")
record ChatActionProperties(String api, String issuer, @DefaultValue("passerelle-chatops") String clientId,
        @DefaultValue("") String clientSecret, @DefaultValue("60s") Duration userCache,
        @DefaultValue Slack slack, @DefaultValue Answers answers) {

    ChatActionProperties {
        if (userCache.isNegative() || userCache.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("passerelle.chatops.user-cache must be 0 to 5 minutes");
        }
    }

    /** The realm's Admin REST API: {@code <base>/admin/realms/<realm>} for issuer {@code <base>/realms/<realm>}. */
    String adminRealmUrl() {
        var at = issuer.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalArgumentException("passerelle.chatops.issuer must end with /realms/<realm>");
        }
        return issuer.substring(0, at) + "/admin" + issuer.substring(at);
    }

    String tokenUrl() {
        return issuer + "/protocol/openid-connect/token";
    }

    /**
     * @param window a request's timestamp must be within it of now (Slack: five minutes)
     * @param responseHosts the hosts a response_url may name
     */
    record Slack(@DefaultValue("5m") Duration window, @DefaultValue("hooks.slack.com") List<String> responseHosts) {
    }

    /** How the Slack answers are posted and the services called. */
    record Answers(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("5") int maxAttempts, @DefaultValue("2s") Duration backoff, @DefaultValue("1m") Duration lease,
            @DefaultValue("1s") Duration pollInterval, @DefaultValue("4") int concurrency) {
    }
}
