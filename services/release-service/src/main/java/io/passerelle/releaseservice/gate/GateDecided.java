package io.passerelle.releaseservice.gate;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A gate was decided, with the change that decided it; {@code reason} says why it was refused or held, and a held
 * gate ({@code HELD}, not final) says when it may proceed ({@code proceedAt}). Every instance of
 * release-service hears it (a queue of its own) and answers its requests waiting on that gate; it is also the body
 * posted to the gate's callback URL.
 */
@EventType("gate.decided.v1")
public record GateDecided(UUID gateId, UUID deploymentId, UUID changeId, String service, String environment,
        GateDecision decision, @Nullable String reason, @Nullable Instant proceedAt, Instant decidedAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return gateId.toString();
    }
}
