package io.passerelle.integration.executor;

import java.util.Optional;
import java.util.UUID;

/** Calls a deploy target (port): builds the body to send, and makes one signed HTTP attempt. Never throws. */
public interface DeployTarget {

    /** The target types this adapter can call, as in {@code deployTarget.type}. */
    boolean supports(String targetType);

    /** Why this URL can never be called (not an absolute http(s) URL), or empty when it can. */
    Optional<String> unusable(String targetUrl);

    /** The exact body to send (UTF-8 JSON), stored with the dispatch and sent unchanged at every attempt. */
    String body(DeployCall call);

    /** One attempt, signed with the service's webhook secret and the time of the attempt. */
    CallOutcome call(String targetUrl, UUID deliveryId, String body, String secret);
}
