package io.passerelle.integrationservice.executor;

/** How a deployment ended: as its target reports it, or as release-service settled it. */
public enum DeploymentOutcome { SUCCEEDED, FAILED }
