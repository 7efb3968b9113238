package io.passerelle.console.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.passerelle.console.web.Me;
import org.junit.jupiter.api.Test;

class PolicyTest {

    static Map<String, Object> change(String type) {
        return Map.of("id", "c1", "type", type, "service", "checkout", "environment", "production",
                "approvals", List.of(Map.of("by", "carol", "decision", "APPROVED"), Map.of("by", "dan", "decision", "REJECTED")));
    }

    static Map<String, Object> policy(String service, String type, int version, List<String> roles) {
        var p = new java.util.HashMap<String, Object>(Map.of("environment", "production", "changeType", type,
                "version", version, "approvalsRequired", 2, "approverRoles", roles, "anyRejectionRejects", false,
                "definedBy", "alice"));
        if (service != null) {
            p.put("service", service);
        }
        return p;
    }

    @Test
    void without_a_policy_a_normal_change_needs_one_change_manager_and_an_emergency_one_an_emergency_approver_too() {
        assertThat(Policy.of(change("NORMAL"), List.of())).hasValueSatisfying(p -> {
            assertThat(p.isDefault()).isTrue();
            assertThat(p.approverRoles()).containsExactly("change-manager");
            assertThat(p.approvalsRequired()).isEqualTo(1);
            assertThat(p.anyRejectionRejects()).isTrue();
        });
        assertThat(Policy.of(change("EMERGENCY"), List.of()).orElseThrow().approverRoles())
                .containsExactlyInAnyOrder("emergency-approver", "change-manager");
        assertThat(Policy.of(change("STANDARD"), List.of())).isEmpty();
    }

    @Test
    void the_service_s_own_policy_overrides_its_environment_s_for_the_same_type() {
        var policies = List.of(policy(null, "NORMAL", 3, List.of("cab-member")),
                policy("checkout", "NORMAL", 1, List.of("change-manager", "cab-member")),
                policy("checkout", "EMERGENCY", 7, List.of("emergency-approver")),
                policy("payments", "NORMAL", 9, List.of("change-manager")));
        assertThat(Policy.of(change("NORMAL"), policies).orElseThrow().version()).isEqualTo(1);
        assertThat(Policy.of(change("EMERGENCY"), policies).orElseThrow().version()).isEqualTo(7);
        assertThat(Policy.of(change("NORMAL"), List.of(policies.getFirst(), policies.getLast())).orElseThrow().version())
                .isEqualTo(3);
    }

    @Test
    void a_policy_names_a_user_through_any_of_their_roles_and_counts_approvals_only() {
        var cab = Policy.of(change("NORMAL"), List.of(policy(null, "NORMAL", 2, List.of("cab-member")))).orElseThrow();
        assertThat(cab.names(new Me("carol", Set.of("cab-member")))).isTrue();
        assertThat(cab.names(new Me("erin", Set.of("emergency-approver")))).isFalse();
        assertThat(Policy.approvals(change("NORMAL"))).isEqualTo(1);
    }

    @Test
    void instants_are_shown_in_utc_in_the_user_s_language_and_other_text_as_it_is() {
        assertThat(When.at("2026-11-30T13:05:00Z", java.util.Locale.ENGLISH)).contains("2026").endsWith("UTC");
        assertThat(When.at("not a date", java.util.Locale.ENGLISH)).isEqualTo("not a date");
        assertThat(When.at(null, java.util.Locale.ENGLISH)).isEmpty();
    }
}
