package io.passerelle.integrationservice.github.adapter.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.integrationservice.github.GithubDelivery;
import io.passerelle.integrationservice.github.ProtectionRuleDelivery;
import org.jspecify.annotations.Nullable;

/** The few fields read from a {@code deployment_protection_rule} payload (tolerant reader). */
record ProtectionRulePayload(@Nullable String action, @Nullable String environment,
        @JsonProperty("deployment_callback_url") @Nullable String deploymentCallbackUrl,
        @Nullable Deployment deployment, @Nullable Repository repository, @Nullable Installation installation,
        @Nullable Login sender) {

    record Deployment(@Nullable String sha, @Nullable Login creator) {
    }

    record Repository(@JsonProperty("full_name") @Nullable String fullName,
            @JsonProperty("html_url") @Nullable String htmlUrl) {
    }

    record Installation(@Nullable Long id) {
    }

    record Login(@Nullable String login) {
    }

    ProtectionRuleDelivery toDomain(String event, String deliveryId) {
        var creator = deployment == null || deployment.creator() == null ? null : deployment.creator().login();
        return new ProtectionRuleDelivery(
                new GithubDelivery(event, deliveryId, repository == null ? null : repository.fullName(), action, null),
                repository == null ? null : repository.htmlUrl(), environment, deploymentCallbackUrl,
                deployment == null ? null : deployment.sha(), installation == null ? null : installation.id(),
                creator != null ? creator : sender == null ? null : sender.login());
    }
}
