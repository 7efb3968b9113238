package io.passerelle.integrationservice.executor;

/** How a deployment ended, as release-service reports it ({@code deployment.succeeded.v1}, {@code deployment.failed.v1}). */
public enum DeploymentOutcome { SUCCEEDED, FAILED }
