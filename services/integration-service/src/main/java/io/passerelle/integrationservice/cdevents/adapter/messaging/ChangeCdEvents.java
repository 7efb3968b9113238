package io.passerelle.integrationservice.cdevents.adapter.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.integrationservice.cdevents.ChangeEvents;
import io.passerelle.integrationservice.cdevents.PublishCdEvents;
import io.passerelle.integrationservice.chatops.NotificationKind;
import io.passerelle.integrationservice.chatops.NotifyChat;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * change-service's change events → CDEvents tickets ({@code ticketType} change-request) and, for changes that wait for
 * approvers, the draft approval events ({@link ChangeEvents}). The one handler of these types in this service also
 * tells the chat channels ({@link NotifyChat}): a normal change waiting for approval, authorized, rejected, failed,
 * held.
 */
@Component
class ChangeCdEvents {

    record ChangeRaised(UUID changeId, String type, String state, String service, String environment, String title,
            String requestedBy, @Nullable UUID deploymentId, @Nullable Risk risk, @Nullable String assessment) {

        record Risk(int score, @Nullable List<Factor> factors) {
        }

        record Factor(String name, String explanation) {
        }
    }

    /** Our reading of the other change events: what each of them carries, by whom and why when it says. */
    record ChangeStep(UUID changeId, @Nullable String type, String service, String environment,
            @Nullable UUID deploymentId, @Nullable String authorizedBy, @Nullable String rejectedBy,
            @Nullable String reason, @Nullable Instant heldUntil) {
    }

    record DecisionRecorded(UUID changeId, @Nullable UUID deploymentId, String decidedBy, String verdict) {
    }

    private final PublishCdEvents publish;
    private final NotifyChat chat;

    ChangeCdEvents(PublishCdEvents publish, NotifyChat chat) {
        this.publish = publish;
        this.chat = chat;
    }

    @HandlesEvent("change.raised.v1")
    void onRaised(ChangeRaised raised, InboundEvent event) {
        var facts = new ChangeEvents.Raised(raised.changeId(), raised.type(), raised.state(), raised.service(),
                raised.environment(), raised.title(), raised.requestedBy(), raised.deploymentId(),
                raised.risk() == null ? null : raised.risk().score());
        publish.publish(event.id(), event.time(), (origin, links) -> ChangeEvents.raised(origin, links, facts));
        var risk = raised.risk();
        chat.changeRaised(event.id(), raised.changeId(), raised.type(), raised.state(), raised.service(),
                raised.environment(), raised.title(), raised.requestedBy(), risk == null ? null : risk.score(),
                risk == null || risk.factors() == null ? List.of() : risk.factors().stream()
                        .map(f -> new NotifyChat.RiskFactor(f.name(), f.explanation())).toList(),
                raised.assessment());
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
        chat.changeDecided(event.id(), NotificationKind.CHANGE_AUTHORIZED, step.changeId(), step.service(),
                step.environment(), step.authorizedBy(), null);
    }

    @HandlesEvent("change.held.v1")
    void onHeld(ChangeStep step, InboundEvent event) {
        step("held", step, null, event);
        if (step.heldUntil() != null) {
            chat.changeHeld(event.id(), step.changeId(), step.service(), step.environment(), step.deploymentId(),
                    step.reason() == null ? "held by a freeze window" : step.reason(), step.heldUntil());
        }
    }

    @HandlesEvent("change.rejected.v1")
    void onRejected(ChangeStep step, InboundEvent event) {
        step("rejected", step, step.rejectedBy(), event);
        chat.changeDecided(event.id(), NotificationKind.CHANGE_REJECTED, step.changeId(), step.service(),
                step.environment(), step.rejectedBy(), step.reason());
    }

    @HandlesEvent("change.closed.v1")
    void onClosed(ChangeStep step, InboundEvent event) {
        step("closed", step, null, event);
    }

    @HandlesEvent("change.failed.v1")
    void onFailed(ChangeStep step, InboundEvent event) {
        step("failed", step, null, event);
        chat.changeDecided(event.id(), NotificationKind.CHANGE_FAILED, step.changeId(), step.service(),
                step.environment(), null, step.reason());
    }

    private void step(String name, ChangeStep step, @Nullable String by, InboundEvent event) {
        var facts = new ChangeEvents.Step(step.changeId(), name, step.type(), step.service(), step.environment(),
                step.deploymentId(), by, step.reason());
        publish.publish(event.id(), event.time(), (origin, links) -> ChangeEvents.step(origin, links, facts));
    }
}
