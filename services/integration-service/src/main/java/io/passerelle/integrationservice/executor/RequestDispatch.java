package io.passerelle.integrationservice.executor;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import io.passerelle.integrationservice.executor.port.Dispatcher;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.event.EventPublisher;

/**
 * Takes an authorized deployment in: records it as a PENDING dispatch of the call to make through its executor (the
 * dispatcher makes it once this transaction commits, outside it), or fails it at once with 0 attempts when it can
 * never be made (no executor of its type, a target the executor can never call, nothing to call with): that is the
 * deployment's outcome, FAILED ({@link DeploymentOutcomeReported}). A deployment that already has a dispatch that is
 * not FAILED is left alone.
 */
public final class RequestDispatch {

    public enum Outcome { QUEUED, FAILED, ALREADY_REQUESTED }

    /** Where a webhook target reports the outcome, under {@code passerelle.public-url} (the gateway routes it here). */
    public static final String CALLBACK_PATH = "/api/v1/executors/webhook/deployments/{deploymentId}/outcome";

    private final CallSecrets secrets;
    private final Dispatches dispatches;
    private final ExecutorRegistry executors;
    private final Dispatcher dispatcher;
    private final EventPublisher events;
    private final CallbackCredentials credentials;
    private final Clock clock;
    private final String publicUrl;

    public RequestDispatch(CallSecrets secrets, Dispatches dispatches, ExecutorRegistry executors,
            Dispatcher dispatcher, EventPublisher events, CallbackCredentials credentials, Clock clock,
            String publicUrl) {
        this.secrets = secrets;
        this.dispatches = dispatches;
        this.executors = executors;
        this.dispatcher = dispatcher;
        this.events = events;
        this.credentials = credentials;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public Outcome request(DeploymentRequest request) {
        var now = clock.instant();
        var problem = problem(request);
        if (problem.isEmpty()) {
            if (!dispatches.request(request, call(request), now)) {
                return Outcome.ALREADY_REQUESTED;
            }
            dispatcher.dispatchAfterCommit();
            return Outcome.QUEUED;
        }
        if (!dispatches.refuse(request, problem.get(), now)) {
            return Outcome.ALREADY_REQUESTED;
        }
        events.publish(DeploymentOutcomeReported.dispatchFailed(request.deploymentId(), request.service(),
                request.environment(), request.targetType(), problem.get(), now));
        return Outcome.FAILED;
    }

    private Optional<String> problem(DeploymentRequest request) {
        var executor = executors.of(request.targetType());
        if (executor.isEmpty()) {
            return Optional.of("deploy target type '" + request.targetType() + "' is not supported (only "
                    + executors.types() + ")");
        }
        var unusable = executor.get().unusable(request.target());
        if (unusable.isPresent()) {
            return unusable;
        }
        return secrets.missing(request.target(), request.service());
    }

    DeployCall call(DeploymentRequest request) {
        return new DeployCall(request.deploymentId(), request.changeId(), request.service(), request.environment(),
                request.version(), request.commitSha(),
                URI.create(publicUrl + CALLBACK_PATH.replace("{deploymentId}", request.deploymentId().toString())),
                credentials.issue(request.deploymentId()));
    }
}
