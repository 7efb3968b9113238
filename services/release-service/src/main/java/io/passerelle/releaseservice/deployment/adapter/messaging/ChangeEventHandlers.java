package io.passerelle.releaseservice.deployment.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.ApplyChangeDecision;
import io.passerelle.releaseservice.deployment.ApplyChangeDecision.Outcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The change of a planned deployment was raised, then decided (change-service): raised → its id is recorded; held
 * by a freeze → it waits (its gate says HELD); authorized → deployment.requested.v1 to its deploy target (or, behind a gate, its pipeline may deploy); rejected →
 * the deployment is cancelled. Changes not about a deployment are none of ours.
 */
@Component
class ChangeEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(ChangeEventHandlers.class);

    private final ApplyChangeDecision decisions;

    ChangeEventHandlers(ApplyChangeDecision decisions) {
        this.decisions = decisions;
    }

    @HandlesEvent("change.raised.v1")
    void onRaised(ChangeRaised data, InboundEvent event) {
        if (data.deploymentId() == null) {
            log.debug("Ignored {} {}: change {} is not about a deployment", event.type(), event.id(), data.changeId());
        } else if (decisions.raised(data.deploymentId(), data.changeId()) == Outcome.IGNORED) {
            log.debug("Ignored {} {}: deployment {} is unknown, no longer planned or knows its change", event.type(),
                    event.id(), data.deploymentId());
        }
    }

    @HandlesEvent("change.authorized.v1")
    void onAuthorized(ChangeAuthorized data, InboundEvent event) {
        if (data.deploymentId() == null) {
            log.debug("Ignored {} {}: change {} is not about a deployment", event.type(), event.id(), data.changeId());
        } else if (decisions.authorized(data.deploymentId(), data.changeId()) == Outcome.IGNORED) {
            ignored(event, data.deploymentId());
        }
    }

    /** Authorized but held by freeze windows: the deployment waits (its gate says HELD) for change.authorized.v1. */
    @HandlesEvent("change.held.v1")
    void onHeld(ChangeHeld data, InboundEvent event) {
        if (data.deploymentId() == null) {
            log.debug("Ignored {} {}: change {} is not about a deployment", event.type(), event.id(), data.changeId());
        } else if (decisions.held(data.deploymentId(), data.changeId(), data.reason(), data.heldUntil())
                == Outcome.IGNORED) {
            ignored(event, data.deploymentId());
        } else {
            log.info("Deployment {} held by a freeze until {}: {}", data.deploymentId(), data.heldUntil(),
                    data.reason());
        }
    }

    @HandlesEvent("change.rejected.v1")
    void onRejected(ChangeRejected data, InboundEvent event) {
        if (data.deploymentId() == null) {
            log.debug("Ignored {} {}: change {} is not about a deployment", event.type(), event.id(), data.changeId());
            return;
        }
        var reason = "change " + data.changeId() + " rejected"
                + (data.rejectedBy() == null ? "" : " by " + data.rejectedBy())
                + (data.reason() == null || data.reason().isBlank() ? "" : ": " + data.reason());
        if (decisions.rejected(data.deploymentId(), data.changeId(), reason) == Outcome.IGNORED) {
            ignored(event, data.deploymentId());
        }
    }

    private static void ignored(InboundEvent event, UUID deploymentId) {
        log.info("Ignored {} {}: deployment {} is unknown or no longer planned", event.type(), event.id(),
                deploymentId);
    }

    /** Our copy of the fields we read. */
    record ChangeRaised(UUID changeId, @Nullable UUID deploymentId) {
    }

    /** Our copy of the fields we read. */
    record ChangeAuthorized(UUID changeId, @Nullable UUID deploymentId) {
    }

    /** Our copy of the fields we read. */
    record ChangeHeld(UUID changeId, @Nullable UUID deploymentId, String reason, Instant heldUntil) {
    }

    /** Our copy of the fields we read. */
    record ChangeRejected(UUID changeId, @Nullable UUID deploymentId, @Nullable String rejectedBy,
            @Nullable String reason) {
    }
}
