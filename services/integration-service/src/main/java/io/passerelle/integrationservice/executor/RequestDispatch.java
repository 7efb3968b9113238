package io.passerelle.integration.executor;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import io.passerelle.integration.catalog.CatalogedServices;
import io.passerelle.platform.crypto.CallbackCredentials;

/**
 * Takes an authorized deployment in: records it as a PENDING dispatch with the exact body to send (the dispatcher
 * sends it later, outside this transaction), or fails it at once with 0 attempts when it can never be sent. A
 * deployment that already has a dispatch that is not FAILED is left alone.
 */
public final class RequestDispatch {

    public enum Requested { QUEUED, FAILED, ALREADY_REQUESTED }

    private final CatalogedServices catalog;
    private final Dispatches dispatches;
    private final DeployTarget target;
    private final DispatchEvents events;
    private final CallbackCredentials credentials;
    private final Clock clock;
    private final String publicUrl;

    public RequestDispatch(CatalogedServices catalog, Dispatches dispatches, DeployTarget target,
            DispatchEvents events, CallbackCredentials credentials, Clock clock, String publicUrl) {
        this.catalog = catalog;
        this.dispatches = dispatches;
        this.target = target;
        this.events = events;
        this.credentials = credentials;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public Requested request(DeploymentRequest request) {
        var now = clock.instant();
        var problem = problem(request);
        if (problem.isEmpty()) {
            return dispatches.request(request, target.body(call(request)), now) ? Requested.QUEUED
                    : Requested.ALREADY_REQUESTED;
        }
        if (!dispatches.refuse(request, problem.get(), now)) {
            return Requested.ALREADY_REQUESTED;
        }
        events.dispatchFailed(new DeploymentDispatchFailed(request.deploymentId(), request.service(),
                request.environment(), request.targetUrl(), 0, problem.get(), now));
        return Requested.FAILED;
    }

    private Optional<String> problem(DeploymentRequest request) {
        if (!target.supports(request.targetType())) {
            return Optional.of("deploy target type '" + request.targetType() + "' is not supported");
        }
        var unusable = target.unusable(request.targetUrl());
        if (unusable.isPresent()) {
            return unusable;
        }
        if (catalog.byName(request.service()).isEmpty()) {
            return Optional.of("service '" + request.service()
                    + "' is not in integration-service's catalog: no webhook secret to sign the call with");
        }
        return Optional.empty();
    }

    DeployCall call(DeploymentRequest request) {
        return new DeployCall(request.deploymentId(), request.changeId(), request.service(), request.environment(),
                request.version(), request.commitSha(),
                URI.create(publicUrl + "/api/v1/deployments/" + request.deploymentId() + "/status"),
                credentials.issue(request.deploymentId()));
    }
}
