package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.Set;

import io.passerelle.platform.security.Roles;
import org.jspecify.annotations.Nullable;

/**
 * How many distinct approvals a normal or an emergency change needs in an environment (or, where a service
 * overrides it, for one service there), who may decide (realm roles), and whether one rejection rejects. Versioned:
 * a new definition is a new version, and a change records the version it was decided under. Without any
 * definition ({@link #defaultFor}, version 0) a normal change needs one approval by a change manager, an emergency
 * change one by an emergency approver or a change manager, and any rejection rejects.
 */
public record ApprovalPolicy(String environment, @Nullable String service, ChangeType changeType, int version,
        int approvalsRequired, Set<String> approverRoles, boolean anyRejectionRejects, String definedBy,
        Instant definedAt) {

    public static final String CHANGE_MANAGER = Roles.CHANGE_MANAGER;
    public static final String CAB_MEMBER = Roles.CAB_MEMBER;
    public static final String EMERGENCY_APPROVER = Roles.EMERGENCY_APPROVER;
    /** The realm roles a policy may name. */
    public static final Set<String> ROLES = Set.of(CHANGE_MANAGER, CAB_MEMBER, EMERGENCY_APPROVER);
    public static final int MAX_APPROVALS = 5;

    public ApprovalPolicy {
        if (approvalsRequired < 1 || approvalsRequired > MAX_APPROVALS) {
            throw new IllegalArgumentException("a policy needs 1 to " + MAX_APPROVALS + " approvals");
        }
        if (approverRoles.isEmpty() || !ROLES.containsAll(approverRoles)) {
            throw new IllegalArgumentException("approver roles must be some of " + ROLES);
        }
        if (changeType == ChangeType.STANDARD) {
            throw new IllegalArgumentException("standard changes are pre-approved: no approval policy applies");
        }
        approverRoles = Set.copyOf(approverRoles);
    }

    public static ApprovalPolicy defaultFor(String environment, ChangeType changeType) {
        return new ApprovalPolicy(environment, null, changeType, 0, 1, changeType == ChangeType.EMERGENCY
                ? Set.of(EMERGENCY_APPROVER, CHANGE_MANAGER) : Set.of(CHANGE_MANAGER), true, "passerelle",
                Instant.EPOCH);
    }

    /** The next version of this policy, as someone defines it now. */
    public ApprovalPolicy redefined(int approvalsRequired, Set<String> approverRoles, boolean anyRejectionRejects,
            String by, Instant at) {
        return new ApprovalPolicy(environment, service, changeType, version + 1, approvalsRequired, approverRoles,
                anyRejectionRejects, by, at);
    }

    boolean admits(Approver approver) {
        return approver.roles().stream().anyMatch(approverRoles::contains);
    }

    public Ref ref() {
        return new Ref(environment, service, version);
    }

    /** Which policy a change was decided under. */
    public record Ref(String environment, @Nullable String service, int version) {
    }
}
