package io.passerelle.integrationservice.executor.adapter.webhook;

/**
 * The target answered 5xx or 429: worth another attempt. Recorded as a failure by the target's circuit breaker
 * ({@code resilience4j.circuitbreaker.configs.deploy-target.record-exceptions}).
 */
class TargetUnavailableException extends RuntimeException {

    TargetUnavailableException(int status) {
        super("deploy target answered HTTP " + status, null, false, false);
    }
}
