package io.passerelle.integrationservice.executor;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * A vendor told where one of Passerelle's deployments stands, in a notification its intake authenticated (Argo CD's
 * notification service with the service's token, GitHub's {@code deployment_status} with the repository's
 * signature). In order, nothing written unless every step passes: the deployment's dispatch, locked (none: 404); of
 * the authenticated service (else refused as forged) and carried out by this vendor's executor (else a conflict);
 * the notification read against it (not about the deployment Passerelle started, or no outcome yet: ignored, and
 * said so); then the outcome taken as any other ({@link ReceiveDeploymentOutcome#record}): once, before the
 * deadline, a late duplicate acknowledged, another outcome a conflict.
 */
public final class ReceiveNotification {

    /** What a notification came to. */
    public sealed interface Result {

        record Recorded(DeploymentOutcome outcome) implements Result {
        }

        record AlreadyRecorded(DeploymentOutcome outcome) implements Result {
        }

        /** Not an outcome (yet), or not about the deployment Passerelle started there. */
        record Ignored(String reason) implements Result {
        }
    }

    /**
     * @param executor the vendor's executor type
     * @param service the service the notification was authenticated for
     * @param deliveryId the vendor's delivery id, when it gives one
     * @param read where the notification says the deployment stands, read against its dispatch; empty when the
     *        notification is about something else (an older deployment there, another application)
     */
    public record Notice(String executor, UUID deploymentId, String service, @Nullable UUID deliveryId,
            Function<RecordedDispatch, Optional<Observed>> read) {
    }

    private final Dispatches dispatches;
    private final ReceiveDeploymentOutcome outcomes;

    public ReceiveNotification(Dispatches dispatches, ReceiveDeploymentOutcome outcomes) {
        this.dispatches = dispatches;
        this.outcomes = outcomes;
    }

    /**
     * @throws NotFoundException no dispatch of that deployment
     * @throws CallbackRefusedException another service's deployment, another executor's, another outcome known, or too
     *         late
     */
    public Result receive(Notice notice) {
        var dispatch = dispatches.lockRecorded(notice.deploymentId())
                .orElseThrow(() -> new NotFoundException("deployment dispatch", notice.deploymentId()));
        if (!dispatch.service().equals(notice.service())) {
            throw new CallbackRefusedException(CallbackRefusedException.Kind.FORGED, "deployment "
                    + notice.deploymentId() + " is not one of service '" + notice.service()
                    + "': a notification authenticated for one service does not report another's");
        }
        if (!dispatch.executor().equals(notice.executor())) {
            throw new CallbackRefusedException(CallbackRefusedException.Kind.OTHER_EXECUTOR, "deployment "
                    + notice.deploymentId() + " is carried out by its " + dispatch.executor() + " target, not by "
                    + notice.executor());
        }
        var observed = notice.read().apply(dispatch);
        if (observed.isEmpty()) {
            return new Result.Ignored("the notification is not about the " + notice.executor() + " deployment"
                    + " Passerelle started for " + notice.deploymentId());
        }
        return switch (observed.get()) {
            case Observed.Running running -> new Result.Ignored("not an outcome yet: " + running.what());
            case Observed.NotObserved not -> new Result.Ignored("not an outcome: " + not.outcome());
            case Observed.Succeeded succeeded -> record(dispatch, notice, DeploymentOutcome.SUCCEEDED, null);
            case Observed.Failed failed -> record(dispatch, notice, DeploymentOutcome.FAILED, failed.reason());
        };
    }

    private Result record(RecordedDispatch dispatch, Notice notice, DeploymentOutcome outcome,
            @Nullable String reason) {
        return outcomes.record(dispatch, new ReceiveDeploymentOutcome.Report(notice.deliveryId(), outcome, reason,
                DeploymentOutcomeReported.Source.notification)) == ReceiveDeploymentOutcome.Result.RECORDED
                        ? new Result.Recorded(outcome) : new Result.AlreadyRecorded(outcome);
    }
}
