package io.passerelle.releaseservice.deployment.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.ApplyReportedOutcome;
import io.passerelle.releaseservice.deployment.ApplyReportedOutcome.Outcome;
import io.passerelle.releaseservice.deployment.ApplyReportedOutcome.Reported;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How a deployment ended, as integration-service's executor reports it: SUCCEEDED → deployment.succeeded.v1 and the
 * next environment planned; FAILED (the target's report, or a request that could not be sent) → deployment.failed.v1.
 */
@Component
class OutcomeEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(OutcomeEventHandlers.class);

    private final ApplyReportedOutcome outcomes;

    OutcomeEventHandlers(ApplyReportedOutcome outcomes) {
        this.outcomes = outcomes;
    }

    @HandlesEvent("deployment.outcome-reported.v1")
    void onOutcomeReported(DeploymentOutcomeReported data, InboundEvent event) {
        var reported = switch (data.outcome()) {
            case "SUCCEEDED" -> Reported.SUCCEEDED;
            case "FAILED" -> Reported.FAILED;
            default -> throw new IllegalArgumentException("outcome '" + data.outcome() + "' is neither SUCCEEDED nor"
                    + " FAILED");
        };
        if (outcomes.apply(data.deploymentId(), reported, data.reason(), data.reportedAt()) == Outcome.IGNORED) {
            log.info("Ignored {} {} ({}): deployment {} is unknown, behind a gate, or no longer underway (finished,"
                    + " or timed out)", event.type(), event.id(), data.outcome(), data.deploymentId());
        }
    }

    /** Our copy of the fields we read. */
    record DeploymentOutcomeReported(UUID deploymentId, String outcome, @Nullable String reason, Instant reportedAt) {
    }
}
