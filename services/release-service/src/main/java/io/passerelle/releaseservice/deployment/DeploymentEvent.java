package io.passerelle.releaseservice.deployment;

import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;

/** What happened to a deployment, as the outside world learns it; the deployment is the subject. */
public sealed interface DeploymentEvent extends DomainEvent
        permits DeploymentPlanned, DeploymentRequested, DeploymentSucceeded, DeploymentFailed, DeploymentRolledBack {

    UUID deploymentId();

    @Override
    default String subject() {
        return deploymentId().toString();
    }
}
