package io.passerelle.integrationservice.executor;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.event.EventPublisher;
import org.jspecify.annotations.Nullable;

/**
 * A deploy target reports how a deployment ended: on the webhook executor's callback, in a vendor's notification, or
 * as the executor saw it by watching (those two are authenticated, or asked for, by their adapters). In order, and nothing is written
 * unless every step passes: the signature with this deployment's credential and the timestamp window
 * ({@link CallbackSignature}, before anything is read); the deployment's dispatch, locked; a delivery id already
 * received is a replay (refused); an outcome already known (reported, settled by release-service, or FAILED because
 * the request could not be sent) makes the same outcome a late duplicate (ignored, and said so) and another one a
 * conflict; a report at or after the deployment's deadline is refused, naming the timeout. Then the outcome is
 * recorded with its delivery id and {@link DeploymentOutcomeReported} published, in the caller's transaction.
 */
public final class ReceiveDeploymentOutcome {

    /**
     * What the target reported, and how it came: on the webhook's signed callback (with its delivery id), in a
     * vendor's notification (with the delivery id when the vendor gives one) or by watching the target.
     */
    public record Report(@Nullable UUID deliveryId, DeploymentOutcome outcome, @Nullable String reason,
            DeploymentOutcomeReported.Source source) {

        /** A signed callback's report. */
        public Report(UUID deliveryId, DeploymentOutcome outcome, @Nullable String reason) {
            this(deliveryId, outcome, reason, DeploymentOutcomeReported.Source.callback);
        }

        /** An outcome seen by watching, or notified without a delivery id. */
        public static Report observed(DeploymentOutcome outcome, @Nullable String reason,
                DeploymentOutcomeReported.Source source) {
            return new Report(null, outcome, reason, source);
        }
    }

    /** A callback that was taken: recorded now, or the same outcome as the one already known. */
    public enum Result { RECORDED, ALREADY_RECORDED }

    static final String DEFAULT_FAILURE = "the deploy target reported a failure";

    private final CallbackSignature signature;
    private final Dispatches dispatches;
    private final EventPublisher events;
    private final Clock clock;

    public ReceiveDeploymentOutcome(CallbackSignature signature, Dispatches dispatches, EventPublisher events,
            Clock clock) {
        this.signature = signature;
        this.dispatches = dispatches;
        this.events = events;
        this.clock = clock;
    }

    /** Checks a webhook callback's signature only: the body is not to be read before. */
    public void authenticate(UUID deploymentId, @Nullable String timestamp, @Nullable String signed, byte[] body) {
        signature.verify(deploymentId, timestamp, signed, body, clock.instant());
    }

    /**
     * The report of an {@link #authenticate authenticated} body.
     *
     * @throws NotFoundException no dispatch of that deployment
     * @throws CallbackRefusedException a replay, another outcome, or too late; nothing was written
     */
    public Result receive(UUID deploymentId, Report report) {
        var dispatch = dispatches.lockRecorded(deploymentId)
                .orElseThrow(() -> new NotFoundException("deployment dispatch", deploymentId));
        if (report.deliveryId() != null && report.deliveryId().equals(dispatch.outcomeDelivery())) {
            throw new CallbackRefusedException(CallbackRefusedException.Kind.REPLAYED, "delivery "
                    + report.deliveryId() + " was already received for deployment " + deploymentId
                    + "; a delivery has one effect at most");
        }
        return record(dispatch, report);
    }

    /**
     * The report about a dispatch the caller has read locked ({@link Dispatches#lockRecorded}) to judge a vendor's
     * notification against it: the same checks, but a delivery's replay (the caller's intake has its own).
     *
     * @throws CallbackRefusedException another outcome, or too late; nothing was written
     */
    public Result record(RecordedDispatch dispatch, Report report) {
        var now = clock.instant();
        var deploymentId = dispatch.deploymentId();
        if (dispatch.outcome() != null) {
            if (dispatch.outcome() == report.outcome()) {
                return Result.ALREADY_RECORDED;
            }
            throw new CallbackRefusedException(CallbackRefusedException.Kind.OTHER_OUTCOME, "deployment "
                    + deploymentId + " already ended " + dispatch.outcome()
                    + (dispatch.reason() == null ? "" : " (" + dispatch.reason() + ")") + "; " + report.outcome()
                    + " is not taken");
        }
        if (dispatch.deadline() != null && !now.isBefore(dispatch.deadline())) {
            throw new CallbackRefusedException(CallbackRefusedException.Kind.TIMED_OUT, "deployment " + deploymentId
                    + " had no outcome by its deadline " + dispatch.deadline() + " (the environment's deployment"
                    + " timeout): it fails on timeout, and the " + report.outcome() + " reported at " + now
                    + " is too late");
        }
        var reason = report.outcome() == DeploymentOutcome.FAILED
                ? report.reason() == null || report.reason().isBlank() ? DEFAULT_FAILURE : report.reason()
                : null;
        dispatches.recordOutcome(deploymentId, report.outcome(), reason, report.deliveryId(), now);
        events.publish(new DeploymentOutcomeReported(deploymentId, dispatch.service(), dispatch.environment(),
                dispatch.executor(), report.outcome(), reason, report.source(), report.deliveryId(), now));
        return Result.RECORDED;
    }
}
