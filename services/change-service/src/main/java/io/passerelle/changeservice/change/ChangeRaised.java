package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.changeservice.risk.RiskAssessment;
import io.passerelle.changeservice.standardchange.TemplateRef;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A change was raised, by a planned deployment or by hand; a standard change is raised authorized. The state is the
 * one version 1 of the event has always named: AUTHORIZED is the lifecycle's SCHEDULED. The live risk, the template
 * that pre-approved a standard change and the assessment in words were added to version 1 as optional fields.
 */
@EventType("change.raised.v1")
public record ChangeRaised(UUID changeId, ChangeType type, State state, String service, String environment,
        String title, String requestedBy, @Nullable UUID deploymentId, @Nullable UUID releaseId, Instant raisedAt,
        @Nullable RiskAssessment risk, @Nullable TemplateRef standardTemplate, @Nullable String assessment)
        implements ChangeEvent {

    /** Where the change stands once raised, in the event's own terms. */
    public enum State {
        PENDING_APPROVAL, AUTHORIZED
    }
}
