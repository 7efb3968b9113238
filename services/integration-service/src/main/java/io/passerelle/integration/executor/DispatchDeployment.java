package io.passerelle.integration.executor;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import io.passerelle.integration.catalog.CatalogedServices;
import io.passerelle.platform.crypto.SecretSealer;

/**
 * Sends an authorized deployment to its target, signed with the service's webhook secret, and records the outcome
 * as {@code deployment.dispatched} or {@code deployment.dispatch-failed}. Runs in the inbox transaction: the call
 * happens before the commit, so a crash in between sends it again (at-least-once; targets dedupe on the delivery
 * id, which is the deployment id). A deployment already dispatched is not sent again.
 */
public final class DispatchDeployment {

    private final CatalogedServices catalog;
    private final Dispatches dispatches;
    private final DeployTarget target;
    private final DispatchEvents events;
    private final SecretSealer sealer;
    private final Clock clock;
    private final String publicUrl;

    public DispatchDeployment(CatalogedServices catalog, Dispatches dispatches, DeployTarget target,
            DispatchEvents events, SecretSealer sealer, Clock clock, String publicUrl) {
        this.catalog = catalog;
        this.dispatches = dispatches;
        this.target = target;
        this.events = events;
        this.sealer = sealer;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** @return the outcome, or empty when the deployment was already dispatched */
    public Optional<Dispatch> dispatch(DeploymentRequest request) {
        if (dispatches.alreadyDispatched(request.deploymentId())) {
            return Optional.empty();
        }
        var outcome = send(request);
        var at = clock.instant();
        dispatches.record(request, outcome, at);
        switch (outcome) {
            case Dispatch.Delivered delivered -> events.dispatched(new DeploymentDispatched(request.deploymentId(),
                    request.service(), request.environment(), request.targetUrl(), delivered.attempts(), at));
            case Dispatch.Failed failed -> events.dispatchFailed(new DeploymentDispatchFailed(request.deploymentId(),
                    request.service(), request.environment(), request.targetUrl(), failed.attempts(), failed.reason(),
                    at));
        }
        return Optional.of(outcome);
    }

    private Dispatch send(DeploymentRequest request) {
        if (!target.supports(request.targetType())) {
            return new Dispatch.Failed(0, "deploy target type '" + request.targetType() + "' is not supported");
        }
        var service = catalog.byName(request.service());
        if (service.isEmpty()) {
            return new Dispatch.Failed(0, "service '" + request.service()
                    + "' is not in integration-service's catalog: no webhook secret to sign the call with");
        }
        return target.send(request.targetUrl(), call(request), service.get().webhookSecret(sealer));
    }

    DeployCall call(DeploymentRequest request) {
        return new DeployCall(request.deploymentId(), request.changeId(), request.service(), request.environment(),
                request.version(), request.commitSha(),
                URI.create(publicUrl + "/api/v1/deployments/" + request.deploymentId() + "/status"));
    }
}
