package io.passerelle.integrationservice.github;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;

/**
 * A pipeline waits at a protected environment for Passerelle's decision: release-service opens the gate
 * {@code gateId} for it (and answers with {@code gate.decided.v1}); the subject is the gate.
 */
@EventType("gate.requested.v1")
public record GateRequested(UUID gateId, String service, String environment, String commitSha, String runUrl,
        String actor, Instant requestedAt, String source) implements DomainEvent {

    /** Where the request came from: a GitHub environment's custom deployment protection rule. */
    public static final String GITHUB_PROTECTION_RULE = "github-deployment-protection-rule";

    @Override
    public String subject() {
        return gateId.toString();
    }
}
