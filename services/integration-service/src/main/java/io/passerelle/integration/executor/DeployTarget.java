package io.passerelle.integration.executor;

/** Calls a deploy target (port), signing the call with the service's webhook secret. Never throws. */
public interface DeployTarget {

    /** The target types this adapter can call, as in {@code deployTarget.type}. */
    boolean supports(String targetType);

    Dispatch send(String targetUrl, DeployCall call, String secret);
}
