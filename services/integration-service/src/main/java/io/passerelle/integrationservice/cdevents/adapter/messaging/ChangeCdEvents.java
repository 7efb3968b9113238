package io.passerelle.integrationservice.cdevents.adapter.messaging;

import java.util.UUID;

import io.passerelle.integrationservice.cdevents.ChangeEvents;
import io.passerelle.integrationservice.cdevents.PublishCdEvents;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * change-service's change events → CDEvents tickets ({@code ticketType} change-request) and, for changes that wait for
 * approvers, the draft approval events ({@link ChangeEvents}).
 */
@Component
class ChangeCdEvents {

    record ChangeRaised(UUID changeId, String type, String state, String service, String environment, String title,
            String requestedBy, @Nullable UUID deploymentId, @Nullable Risk risk) {

        record Risk(int score) {
        }
    }

    /** Our reading of the other change events: what each of them carries, by whom and why when it says. */
    record ChangeStep(UUID changeId, @Nullable String type, String service, String environment,
            @Nullable UUID deploymentId, @Nullable String authorizedBy, @Nullable String rejectedBy,
            @Nullable String reason) {
    }

    record DecisionRecorded(UUID changeId, @Nullable UUID deploymentId, String decidedBy, String verdict) {
    }

    private final PublishCdEvents publish;

    ChangeCdEvents(PublishCdEvents publish) {
        this.publish = publish;
    }

    @HandlesEvent("change.raised.v1")
    void onRaised(ChangeRaised raised, InboundEvent event) {
        var facts = new ChangeEvents.Raised(raised.changeId(), raised.type(), raised.state(), raised.service(),
                raised.environment(), raised.title(), raised.requestedBy(), raised.deploymentId(),
                raised.risk() == null ? null : raised.risk().score());
        publish.publish(event.id(), event.time(), (origin, links) -> ChangeEvents.raised(origin, links, facts));
    }

    @HandlesEvent("change.decision-recorded.v1")
    void onDecisionRecorded(DecisionRecorded recorded, InboundEvent event) {
        var facts = new ChangeEvents.Decision(recorded.changeId(), recorded.deploymentId(), recorded.decidedBy(),
                recorded.verdict());
        publish.publish(event.id(), event.time(), (origin, links) -> ChangeEvents.decision(origin, links, facts));
    }

    @HandlesEvent("change.authorized.v1")
    void onAuthorized(ChangeStep step, InboundEvent event) {
        step("authorized", step, step.authorizedBy(), event);
    }

    @HandlesEvent("change.held.v1")
    void onHeld(ChangeStep step, InboundEvent event) {
        step("held", step, null, event);
    }

    @HandlesEvent("change.rejected.v1")
    void onRejected(ChangeStep step, InboundEvent event) {
        step("rejected", step, step.rejectedBy(), event);
    }

    @HandlesEvent("change.closed.v1")
    void onClosed(ChangeStep step, InboundEvent event) {
        step("closed", step, null, event);
    }

    @HandlesEvent("change.failed.v1")
    void onFailed(ChangeStep step, InboundEvent event) {
        step("failed", step, null, event);
    }

    private void step(String name, ChangeStep step, @Nullable String by, InboundEvent event) {
        var facts = new ChangeEvents.Step(step.changeId(), name, step.type(), step.service(), step.environment(),
                step.deploymentId(), by, step.reason());
        publish.publish(event.id(), event.time(), (origin, links) -> ChangeEvents.step(origin, links, facts));
    }
}
