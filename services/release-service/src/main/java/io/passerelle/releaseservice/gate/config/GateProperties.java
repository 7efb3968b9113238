package io.passerelle.releaseservice.gate.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.gates.*}.
 *
 * @param maxWaiters requests that may wait for gate decisions on one instance at once (long-polls); more are answered
 *        503 {@code too-many-waiters}. Each costs a parked request (no thread) and an open connection.
 * @param callbacks how decisions are posted to callback URLs
 */
@ConfigurationProperties("passerelle.gates")
record GateProperties(@DefaultValue("2000") int maxWaiters, @DefaultValue Callbacks callbacks) {

    /**
     * @param maxAttempts calls per decision, the first included
     * @param backoff wait after the first failed call, then doubling (± 20 % jitter) up to {@code maxBackoff}
     * @param lease how long a claimed callback belongs to the instance that claimed it (it is claimed again after,
     *        should that instance have died during the call)
     */
    record Callbacks(@DefaultValue("8") int maxAttempts, @DefaultValue("1s") Duration backoff,
            @DefaultValue("5m") Duration maxBackoff, @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout, @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("1m") Duration lease) {
    }
}
