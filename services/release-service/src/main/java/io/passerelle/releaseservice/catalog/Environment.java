package io.passerelle.releaseservice.catalog;

import java.util.HashSet;
import java.util.List;

/**
 * A stage of a service's promotion path (e.g. staging, production). Deployments go by increasing {@code order};
 * {@code requiresApproval} decides whether a deployment here needs an approved change; {@code requiredChecks} names
 * the checks (workflow names) that must be green on a release's commit before it goes here (none: the first green
 * pipeline is enough); {@code promotion} how a release that succeeded in the environment before arrives here.
 */
public record Environment(String name, int order, boolean requiresApproval, DeployTarget target,
        List<String> requiredChecks, Promotion promotion) {

    public static final int MAX_REQUIRED_CHECKS = 20;
    public static final int MAX_CHECK_NAME = 200;

    /** An environment a release reaches automatically, whatever its checks. */
    public Environment(String name, int order, boolean requiresApproval, DeployTarget target) {
        this(name, order, requiresApproval, target, List.of(), Promotion.AUTOMATIC);
    }

    /** An environment a release reaches automatically once these checks are green. */
    public Environment(String name, int order, boolean requiresApproval, DeployTarget target,
            List<String> requiredChecks) {
        this(name, order, requiresApproval, target, requiredChecks, Promotion.AUTOMATIC);
    }

    /** An environment a release reaches as {@code promotion} says, whatever its checks. */
    public Environment(String name, int order, boolean requiresApproval, DeployTarget target, Promotion promotion) {
        this(name, order, requiresApproval, target, List.of(), promotion);
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
    }
}
