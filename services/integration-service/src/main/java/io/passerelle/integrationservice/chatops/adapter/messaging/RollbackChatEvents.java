package io.passerelle.integrationservice.chatops.adapter.messaging;

import java.util.UUID;

import io.passerelle.integrationservice.chatops.NotifyChat;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Rollbacks release-service proposes ({@code deployment.planned.v1} with {@code rollback}, ADR 0020) or declines
 * ({@code deployment.rollback-declined.v1}) → the chat channels, in the inbox transaction. A planned deployment that
 * is not a rollback tells nothing.
 */
@Component
class RollbackChatEvents {

    /** Our reading of {@code deployment.planned.v1}: only what a proposed rollback's message says. */
    record DeploymentPlanned(UUID deploymentId, String service, String environment, String version,
            @Nullable Rollback rollback) {

        record Rollback(UUID of, String reason, boolean emergency, @Nullable UUID incidentId,
                @Nullable Boolean automatic) {
        }
    }

    record RollbackDeclined(UUID incidentId, UUID deploymentId, String service, String environment, String reason) {
    }

    private final NotifyChat chat;

    RollbackChatEvents(NotifyChat chat) {
        this.chat = chat;
    }

    @HandlesEvent("deployment.planned.v1")
    void onPlanned(DeploymentPlanned planned, InboundEvent event) {
        var rollback = planned.rollback();
        if (rollback != null) {
            chat.rollbackProposed(event.id(), planned.deploymentId(), rollback.of(), planned.service(),
                    planned.environment(), planned.version(), rollback.reason(), rollback.emergency(),
                    Boolean.TRUE.equals(rollback.automatic()), rollback.incidentId());
        }
    }

    @HandlesEvent("deployment.rollback-declined.v1")
    void onDeclined(RollbackDeclined declined, InboundEvent event) {
        chat.rollbackDeclined(event.id(), declined.incidentId(), declined.deploymentId(), declined.service(),
                declined.environment(), declined.reason());
    }
}
