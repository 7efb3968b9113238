package io.passerelle.releaseservice.catalog;

import java.time.Duration;

/**
 * A stage of a service's promotion path (e.g. staging, production). Deployments go by increasing {@code order};
 * {@code requiresApproval} decides whether a deployment here needs an approved change; a deployment that has had no
 * outcome {@code deploymentTimeout} after it was authorized fails (whole seconds, from {@link #MIN_TIMEOUT} to
 * {@link #MAX_TIMEOUT}; {@link #DEFAULT_TIMEOUT} when not given).
 */
public record Environment(String name, int order, boolean requiresApproval, DeployTarget target,
        Duration deploymentTimeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration MAX_TIMEOUT = Duration.ofHours(24);

    public Environment {
        if (!Service.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("environment name '" + name + "' must match " + Service.NAME);
        }
        if (order < 1) {
            throw new IllegalArgumentException("environment " + name + " needs a positive order, not " + order);
        }
        if (deploymentTimeout.compareTo(MIN_TIMEOUT) < 0 || deploymentTimeout.compareTo(MAX_TIMEOUT) > 0
                || deploymentTimeout.getNano() != 0) {
            throw new IllegalArgumentException("environment " + name + ": deploymentTimeout " + deploymentTimeout
                    + " must be whole seconds from " + MIN_TIMEOUT + " to " + MAX_TIMEOUT);
        }
    }

    /** With the default deployment timeout. */
    public Environment(String name, int order, boolean requiresApproval, DeployTarget target) {
        this(name, order, requiresApproval, target, DEFAULT_TIMEOUT);
    }
}
