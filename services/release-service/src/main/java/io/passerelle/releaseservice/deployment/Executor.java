package io.passerelle.releaseservice.deployment;

/**
 * Who carries a deployment out. TARGET: the environment's deploy target, asked through integration-service once the
 * change is authorized ({@code deployment.requested.v1}). PIPELINE: the pipeline that opened a gate for it deploys by
 * itself once allowed, and reports the outcome on the gate; nothing is sent anywhere.
 */
public enum Executor {
    TARGET, PIPELINE
}
