package io.passerelle.releaseservice.deployment.messaging;

import java.util.UUID;

import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.ApplyChangeDecision;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** change.authorized.v1 of a planned deployment → deployment.requested.v1 to its deploy target. */
@Component
class ChangeAuthorizedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ChangeAuthorizedHandler.class);

    private final ApplyChangeDecision decisions;

    ChangeAuthorizedHandler(ApplyChangeDecision decisions) {
        this.decisions = decisions;
    }

    @Override
    public String type() {
        return "change.authorized.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var data = event.dataAs(ChangeAuthorized.class);
        if (data.deploymentId() == null) {
            log.debug("Ignored {} {}: change {} is not about a deployment", event.type(), event.id(), data.changeId());
        } else if (!decisions.authorized(data.deploymentId(), data.changeId())) {
            log.info("Ignored {} {}: deployment {} is unknown or no longer planned", event.type(), event.id(),
                    data.deploymentId());
        }
    }

    record ChangeAuthorized(UUID changeId, @Nullable UUID deploymentId) {
    }
}
