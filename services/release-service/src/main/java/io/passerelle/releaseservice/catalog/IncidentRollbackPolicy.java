package io.passerelle.releaseservice.catalog;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What an environment lets incidents do to its deployments (ADR 0020). Whatever the policy, a deployment confirmed as
 * an incident's cause gets its rollback proposed; {@code p1Within} adds the P1 rule: a P1 incident that starts within
 * that time of a deployment finishing here proposes the rollback of that deployment (none: a P1 alone proposes
 * nothing); {@code automatic} authorizes the emergency change of every rollback an incident proposes here at once,
 * by this policy, instead of waiting for the emergency approvers.
 */
public record IncidentRollbackPolicy(@Nullable Duration p1Within, boolean automatic) {

    /** No P1 rule, and rollbacks wait for the emergency approvers. */
    public static final IncidentRollbackPolicy NONE = new IncidentRollbackPolicy(null, false);
    public static final Duration MIN_P1_WITHIN = Duration.ofSeconds(1);
    public static final Duration MAX_P1_WITHIN = Duration.ofHours(24);

    public IncidentRollbackPolicy {
        if (p1Within != null && (p1Within.compareTo(MIN_P1_WITHIN) < 0 || p1Within.compareTo(MAX_P1_WITHIN) > 0
                || p1Within.getNano() != 0)) {
            throw new IllegalArgumentException("p1Within " + p1Within + " must be whole seconds from " + MIN_P1_WITHIN
                    + " to " + MAX_P1_WITHIN);
        }
    }

    /** Whether a P1 incident that started {@code after} a deployment here finished asks for its rollback. */
    public boolean p1Covers(Duration after) {
        return p1Within != null && !after.isNegative() && after.compareTo(p1Within) <= 0;
    }
}
