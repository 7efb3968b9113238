package io.passerelle.releaseservice.catalog;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * A stage of a service's promotion path (e.g. staging, production). Deployments go by increasing {@code order};
 * {@code requiresApproval} decides whether a deployment here needs an approved change; {@code requiredChecks} names
 * the checks (workflow names) that must be green on a release's commit before it goes here (none: the first green
 * pipeline is enough); {@code promotion} how a release that succeeded in the environment before arrives here; a
 * deployment that has had no outcome {@code deploymentTimeout} after it was authorized fails (whole seconds, from
 * {@link #MIN_TIMEOUT} to {@link #MAX_TIMEOUT}; {@link #DEFAULT_TIMEOUT} when not given); {@code incidentRollback}
 * what incidents may do to its deployments (none: a confirmed cause's rollback waits for the emergency approvers).
 */
public record Environment(String name, int order, boolean requiresApproval, DeployTarget target,
        List<String> requiredChecks, Promotion promotion, Duration deploymentTimeout,
        IncidentRollbackPolicy incidentRollback) {

    public static final int MAX_REQUIRED_CHECKS = 20;
    public static final int MAX_CHECK_NAME = 200;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration MAX_TIMEOUT = Duration.ofHours(24);

    /** An environment without an incident rollback policy. */
    public Environment(String name, int order, boolean requiresApproval, DeployTarget target,
            List<String> requiredChecks, Promotion promotion, Duration deploymentTimeout) {
        this(name, order, requiresApproval, target, requiredChecks, promotion, deploymentTimeout,
                IncidentRollbackPolicy.NONE);
    }

    /** An environment a release reaches automatically, whatever its checks, with the default timeout. */
    public Environment(String name, int order, boolean requiresApproval, DeployTarget target) {
        this(name, order, requiresApproval, target, List.of(), Promotion.AUTOMATIC, DEFAULT_TIMEOUT);
    }

    /** An environment a release reaches automatically once these checks are green. */
    public Environment(String name, int order, boolean requiresApproval, DeployTarget target,
            List<String> requiredChecks) {
        this(name, order, requiresApproval, target, requiredChecks, Promotion.AUTOMATIC, DEFAULT_TIMEOUT);
    }

    /** An environment a release reaches as {@code promotion} says, whatever its checks. */
    public Environment(String name, int order, boolean requiresApproval, DeployTarget target, Promotion promotion) {
        this(name, order, requiresApproval, target, List.of(), promotion, DEFAULT_TIMEOUT);
    }

    /** An environment a release reaches automatically, whose deployments time out after {@code deploymentTimeout}. */
    public Environment(String name, int order, boolean requiresApproval, DeployTarget target,
            Duration deploymentTimeout) {
        this(name, order, requiresApproval, target, List.of(), Promotion.AUTOMATIC, deploymentTimeout);
    }

    public Environment {
        if (!Service.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("environment name '" + name + "' must match " + Service.NAME);
        }
        if (order < 1) {
            throw new IllegalArgumentException("environment " + name + " needs a positive order, not " + order);
        }
        requiredChecks = List.copyOf(requiredChecks);
        if (requiredChecks.size() > MAX_REQUIRED_CHECKS) {
            throw new IllegalArgumentException("environment " + name + " requires " + requiredChecks.size()
                    + " checks, at most " + MAX_REQUIRED_CHECKS + " are allowed");
        }
        var seen = new HashSet<String>();
        for (var check : requiredChecks) {
            if (check.isBlank() || check.length() > MAX_CHECK_NAME || check.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("environment " + name + ": a required check is named by 1 to "
                        + MAX_CHECK_NAME + " characters, not blank, without control characters");
            }
            if (!seen.add(check)) {
                throw new IllegalArgumentException("environment " + name + " requires check '" + check + "' twice");
            }
        }
        if (deploymentTimeout.compareTo(MIN_TIMEOUT) < 0 || deploymentTimeout.compareTo(MAX_TIMEOUT) > 0
                || deploymentTimeout.getNano() != 0) {
            throw new IllegalArgumentException("environment " + name + ": deploymentTimeout " + deploymentTimeout
                    + " must be whole seconds from " + MIN_TIMEOUT + " to " + MAX_TIMEOUT);
        }
    }
}
