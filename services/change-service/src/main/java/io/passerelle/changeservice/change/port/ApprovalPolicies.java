package io.passerelle.changeservice.change.port;

import java.util.List;
import java.util.Optional;

import io.passerelle.changeservice.change.ApprovalPolicy;
import io.passerelle.changeservice.change.ChangeType;
import org.jspecify.annotations.Nullable;

/** The approval policies, every version kept. */
public interface ApprovalPolicies {

    /**
     * The newest version defined for changes of that type in the environment ({@code service} null) or for one service
     * in it.
     */
    Optional<ApprovalPolicy> current(String environment, @Nullable String service, ChangeType changeType);

    /** The newest version of every policy, by environment, then service (the environment's own first). */
    List<ApprovalPolicy> all();

    /** Stores a new version; refused (409) when that version exists already (someone defined it meanwhile). */
    void add(ApprovalPolicy policy);

    /** The policy a change of that type, service and environment is decided under. */
    default ApprovalPolicy applicable(String service, String environment, ChangeType changeType) {
        return current(environment, service, changeType).or(() -> current(environment, null, changeType))
                .orElseGet(() -> ApprovalPolicy.defaultFor(environment, changeType));
    }
}
