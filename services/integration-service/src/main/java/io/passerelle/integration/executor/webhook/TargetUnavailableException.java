package io.passerelle.integration.executor.webhook;

/**
 * The target answered 5xx or 429: worth another attempt. Recorded as a failure by the target's circuit breaker
 * ({@code resilience4j.circuitbreaker.configs.deploy-target.record-exceptions}).
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
