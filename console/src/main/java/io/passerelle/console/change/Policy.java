package io.passerelle.console.change;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.passerelle.console.web.Me;
import org.jspecify.annotations.Nullable;

/**
 * The approval policy a change waiting for approval is decided under, as change-service documents it: the newest
 * policy of its service in its environment for its type (NORMAL or EMERGENCY), else its environment's, else the
 * default (version 0: one change manager; an emergency change one emergency approver or change manager; any rejection
 * rejects).
 */
public record Policy(int version, int approvalsRequired, List<String> approverRoles, boolean anyRejectionRejects,
        @Nullable String service, @Nullable String definedBy) {

    /** The policy in force for the change among the policies listed by {@code GET /api/v1/approval-policies}. */
    public static Optional<Policy> of(Map<String, Object> change, List<Map<String, Object>> policies) {
        String type = String.valueOf(change.get("type"));
        if ("STANDARD".equals(type)) {
            return Optional.empty();
        }
        String policyType = "EMERGENCY".equals(type) ? "EMERGENCY" : "NORMAL";
        var mine = policies.stream()
                .filter(p -> Objects.equals(p.get("environment"), change.get("environment")))
                .filter(p -> policyType.equals(p.getOrDefault("changeType", "NORMAL")))
                .toList();
        var chosen = mine.stream().filter(p -> Objects.equals(p.get("service"), change.get("service"))).findFirst()
                .or(() -> mine.stream().filter(p -> p.get("service") == null).findFirst());
        return Optional.of(chosen.map(Policy::from).orElseGet(() -> byDefault(policyType)));
    }

    static Policy byDefault(String policyType) {
        return new Policy(0, 1, "EMERGENCY".equals(policyType) ? List.of("emergency-approver", "change-manager")
                : List.of("change-manager"), true, null, null);
    }

    @SuppressWarnings("unchecked")
    private static Policy from(Map<String, Object> p) {
        return new Policy(((Number) p.get("version")).intValue(), ((Number) p.get("approvalsRequired")).intValue(),
                List.copyOf((List<String>) p.get("approverRoles")), Boolean.TRUE.equals(p.get("anyRejectionRejects")),
                (String) p.get("service"), (String) p.get("definedBy"));
    }

    /** Whether the policy names one of the user's roles (the service still decides, and never the requester). */
    public boolean names(Me me) {
        return me.has(approverRoles.toArray(String[]::new));
    }

    public boolean isDefault() {
        return version == 0;
    }

    /** The approvals the change has so far. */
    public static long approvals(Map<String, Object> change) {
        return decisions(change).stream().filter(d -> "APPROVED".equals(d.get("decision"))).count();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> decisions(Map<String, Object> change) {
        Object approvals = change.get("approvals");
        return approvals instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
