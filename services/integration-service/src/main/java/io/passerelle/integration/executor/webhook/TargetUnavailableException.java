package io.passerelle.integration.executor.webhook;

/**
 * The target answered 5xx or 429: worth retrying. Named in {@code resilience4j.retry.instances.deploy-target
 * .retry-exceptions} and recorded as a failure by the target's circuit breaker.
 */
class TargetUnavailableException extends RuntimeException {

    private final int status;

    TargetUnavailableException(int status) {
        super("deploy target answered HTTP " + status);
        this.status = status;
    }

    int status() {
        return status;
    }
}
