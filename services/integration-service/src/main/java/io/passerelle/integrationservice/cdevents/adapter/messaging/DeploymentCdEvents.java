package io.passerelle.integrationservice.cdevents.adapter.messaging;

import java.util.UUID;

import io.passerelle.integrationservice.cdevents.PublishCdEvents;
import io.passerelle.integrationservice.cdevents.ServiceEvents;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code deployment.rolled-back.v1} → {@code service.rolledback}. ({@code deployment.succeeded.v1} has its handler in
 * the executor feature, one per type and service, which tells this feature too.)
 */
@Component
class DeploymentCdEvents {

    record DeploymentRolledBack(UUID deploymentId, UUID rolledBackDeploymentId, @Nullable UUID changeId,
            String service, String environment, String restoredVersion, @Nullable String reason) {
    }

    private final PublishCdEvents publish;

    DeploymentCdEvents(PublishCdEvents publish) {
        this.publish = publish;
    }

    @HandlesEvent("deployment.rolled-back.v1")
    void onRolledBack(DeploymentRolledBack r, InboundEvent event) {
        publish.rolledBack(event.id(), event.time(), new ServiceEvents.RolledBack(r.deploymentId(),
                r.rolledBackDeploymentId(), r.changeId(), r.service(), r.environment(), r.restoredVersion(),
                r.reason()));
    }
}
