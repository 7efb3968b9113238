package io.passerelle.integrationservice.executor.port;

import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.DeployCall;

/** Calls a deploy target (port): builds the body to send, and makes one signed HTTP attempt. Never throws. */
public interface DeployTarget {

    /** The target types this adapter can call, as in {@code deployTarget.type}. */
    boolean supports(String targetType);

    /**
     * Why this URL can never be called, as far as its text tells (not an absolute http(s) URL, user information, an
     * address the outbound guard always refuses), or empty when it may be: its host is checked again at each call.
     */
    Optional<String> unusable(String targetUrl);

    /** The exact body to send (UTF-8 JSON), stored with the dispatch and sent unchanged at every attempt. */
    String body(DeployCall call);

    /**
     * One attempt, signed with the service's webhook secret and the time of the attempt. {@code start} is called
     * once the call is allowed (outbound guard, circuit breaker) and about to be sent; when it answers false, the
     * call is not made and the outcome is {@link CallOutcome.Withdrawn}.
     */
    CallOutcome call(String targetUrl, UUID deliveryId, String body, String secret, AttemptStart start);

    /** Counts the attempt about to be made; false when the claim may no longer call. */
    @FunctionalInterface
    interface AttemptStart {

        boolean begin();
    }
}
