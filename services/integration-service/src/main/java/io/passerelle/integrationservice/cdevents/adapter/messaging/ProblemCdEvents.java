package io.passerelle.integrationservice.cdevents.adapter.messaging;

import java.util.List;
import java.util.UUID;

import io.passerelle.integrationservice.cdevents.ProblemEvents;
import io.passerelle.integrationservice.cdevents.PublishCdEvents;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** incident-service's problem events → CDEvents tickets ({@code ticketType} problem, {@link ProblemEvents}). */
@Component
class ProblemCdEvents {

    /** Our reading of every problem event: who did it is in the field its event names. */
    record ProblemStep(UUID problemId, String title, @Nullable String service, @Nullable String raisedBy,
            @Nullable String recordedBy, @Nullable String resolvedBy, @Nullable String closedBy,
            @Nullable UUID duplicateOf) {
    }

    private final PublishCdEvents publish;

    ProblemCdEvents(PublishCdEvents publish) {
        this.publish = publish;
    }

    @HandlesEvent("problem.raised.v1")
    void onRaised(ProblemStep step, InboundEvent event) {
        step("raised", step, step.raisedBy(), event);
    }

    @HandlesEvent("problem.known-error-recorded.v1")
    void onKnownError(ProblemStep step, InboundEvent event) {
        step("known-error-recorded", step, step.recordedBy(), event);
    }

    @HandlesEvent("problem.resolved.v1")
    void onResolved(ProblemStep step, InboundEvent event) {
        step("resolved", step, step.resolvedBy(), event);
    }

    @HandlesEvent("problem.closed.v1")
    void onClosed(ProblemStep step, InboundEvent event) {
        step("closed", step, step.closedBy(), event);
    }

    private void step(String name, ProblemStep step, @Nullable String by, InboundEvent event) {
        var facts = new ProblemEvents.Step(step.problemId(), name, step.title(), step.service(),
                by == null ? "passerelle" : by, step.duplicateOf());
        publish.publish(event.id(), event.time(), (origin, links) -> List.of(ProblemEvents.of(origin, links, facts)));
    }
}
