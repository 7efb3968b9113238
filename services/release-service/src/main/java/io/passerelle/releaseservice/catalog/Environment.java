package io.passerelle.releaseservice.catalog;

/**
 * A stage of a service's promotion path (e.g. staging, production). Deployments go by increasing {@code order};
 * {@code requiresApproval} decides whether a deployment here needs an approved change; {@code promotion} how a release
 * that succeeded in the environment before arrives here.
 */
public record Environment(String name, int order, boolean requiresApproval, DeployTarget target,
        Promotion promotion) {

    /** An environment a release reaches automatically. */
    public Environment(String name, int order, boolean requiresApproval, DeployTarget target) {
        this(name, order, requiresApproval, target, Promotion.AUTOMATIC);
    }

    public Environment {
        if (!Service.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("environment name '" + name + "' must match " + Service.NAME);
        }
        if (order < 1) {
            throw new IllegalArgumentException("environment " + name + " needs a positive order, not " + order);
        }
    }
}
