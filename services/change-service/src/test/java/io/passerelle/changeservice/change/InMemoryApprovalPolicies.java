package io.passerelle.changeservice.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.passerelle.changeservice.change.port.ApprovalPolicies;
import org.jspecify.annotations.Nullable;

/** Approval policies for the use-case tests, every version kept. */
class InMemoryApprovalPolicies implements ApprovalPolicies {

    private final List<ApprovalPolicy> versions = new ArrayList<>();

    @Override
    public Optional<ApprovalPolicy> current(String environment, @Nullable String service, ChangeType changeType) {
        return versions.stream()
                .filter(p -> p.environment().equals(environment) && Objects.equals(p.service(), service)
                        && p.changeType() == changeType)
                .max(Comparator.comparingInt(ApprovalPolicy::version));
    }

    @Override
    public List<ApprovalPolicy> all() {
        return versions.stream().filter(p -> current(p.environment(), p.service(), p.changeType()).orElseThrow() == p).toList();
    }

    @Override
    public void add(ApprovalPolicy policy) {
        versions.add(policy);
    }
}
