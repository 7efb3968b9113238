package io.passerelle.releaseservice.deployment.port;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.releaseservice.deployment.Deployment;

/**
 * The gates of deployments their pipeline carries out ({@link io.passerelle.releaseservice.deployment.Executor#PIPELINE}),
 * told in the transaction that applies the change's decision to the deployment.
 */
public interface PipelineGates {

    /** The deployment's change was authorized: the pipeline may deploy. */
    void allowed(Deployment deployment, Instant at);

    /** The deployment's change was rejected: the deployment is cancelled, for {@code deployment.reason()}. */
    void refused(Deployment deployment, Instant at);

    /** The deployment's change was authorized but freeze windows hold it until {@code until}, for {@code reason}. */
    void held(Deployment deployment, UUID changeId, String reason, Instant until, Instant at);
}
