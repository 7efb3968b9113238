package io.passerelle.releaseservice.deployment.messaging;

import java.util.UUID;

import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.ApplyChangeDecision;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** change.rejected.v1 of a planned deployment → the deployment is cancelled. */
@Component
class ChangeRejectedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ChangeRejectedHandler.class);

    private final ApplyChangeDecision decisions;

    ChangeRejectedHandler(ApplyChangeDecision decisions) {
        this.decisions = decisions;
    }

    @Override
    public String type() {
        return "change.rejected.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var data = event.dataAs(ChangeRejected.class);
        if (data.deploymentId() == null) {
            log.debug("Ignored {} {}: change {} is not about a deployment", event.type(), event.id(), data.changeId());
            return;
        }
        var reason = "change " + data.changeId() + " rejected"
                + (data.rejectedBy() == null ? "" : " by " + data.rejectedBy())
                + (data.reason() == null || data.reason().isBlank() ? "" : ": " + data.reason());
        if (!decisions.rejected(data.deploymentId(), data.changeId(), reason)) {
            log.info("Ignored {} {}: deployment {} is unknown or no longer planned", event.type(), event.id(),
                    data.deploymentId());
        }
    }

    record ChangeRejected(UUID changeId, @Nullable UUID deploymentId, @Nullable String rejectedBy,
            @Nullable String reason) {
    }
}
