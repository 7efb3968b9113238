package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.Set;

import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.change.port.ApprovalPolicies;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A change manager defines the approval policy of an environment, or of one service in it, as a new version; only
 * for an environment the catalog knows (422 otherwise: a policy nothing would ever use is a typo).
 */
public class DefineApprovalPolicy {

    private final ApprovalPolicies policies;
    private final Environments environments;
    private final Clock clock;

    public DefineApprovalPolicy(ApprovalPolicies policies, Environments environments, Clock clock) {
        this.policies = policies;
        this.environments = environments;
        this.clock = clock;
    }

    public ApprovalPolicy define(String environment, @Nullable String service, ChangeType changeType,
            int approvalsRequired, Set<String> approverRoles, boolean anyRejectionRejects, String by) {
        boolean known = service == null ? environments.known(environment)
                : environments.find(service, environment).isPresent();
        if (!known) {
            throw RuleViolationException.unprocessable(service == null
                    ? "No service in the catalog has an environment " + environment
                    : "Service " + service + " has no environment " + environment + " in the catalog");
        }
        var at = clock.instant();
        var policy = policies.current(environment, service, changeType)
                .map(current -> current.redefined(approvalsRequired, approverRoles, anyRejectionRejects, by, at))
                .orElseGet(() -> new ApprovalPolicy(environment, service, changeType, 1, approvalsRequired,
                        approverRoles, anyRejectionRejects, by, at));
        policies.add(policy);
        return policy;
    }
}
