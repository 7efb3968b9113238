package io.passerelle.integrationservice.github.adapter.messaging;

import java.util.UUID;

import io.passerelle.integrationservice.github.GateDecision;
import io.passerelle.integrationservice.github.QueueReview;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Events of release-service's gates, in the inbox transaction. {@code gate.decided.v1} → for a gate opened for a
 * GitHub protection rule and a final decision, the review is queued (no call here: the review worker sends it once
 * that transaction commits). Idempotent: a redelivered event is not handled twice (inbox), and a gate already decided
 * queues nothing.
 */
@Component
class GateEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(GateEventHandlers.class);

    /** Our own reading of {@code gate.decided.v1}: only the fields used here. */
    record GateDecided(UUID gateId, String decision, @Nullable UUID changeId, @Nullable String reason) {
    }

    private final QueueReview queue;

    GateEventHandlers(QueueReview queue) {
        this.queue = queue;
    }

    @HandlesEvent("gate.decided.v1")
    void onDecided(GateDecided decided, InboundEvent event) {
        var outcome = queue.decided(new GateDecision(decided.gateId(), decided.decision(), decided.changeId(),
                decided.reason()));
        log.info("Gate {} {}: {} (event {})", decided.gateId(), decided.decision(), outcome, event.id());
    }
}
