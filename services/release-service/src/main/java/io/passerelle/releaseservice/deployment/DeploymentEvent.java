package io.passerelle.releaseservice.deployment;

/** What happened to releases and deployments, as the outside world learns it. */
public sealed interface DeploymentEvent
        permits ReleaseRecorded, DeploymentPlanned, DeploymentRequested, DeploymentSucceeded, DeploymentFailed {
}
