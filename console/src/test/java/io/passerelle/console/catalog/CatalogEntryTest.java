package io.passerelle.console.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CatalogEntryTest {

    static final Map<String, Object> SHOP = Map.of("name", "shop", "repository", "octo/shop", "defaultBranch", "main",
            "webhookSecretConfigured", true, "registeredAt", "2026-11-30T12:00:00Z", "environments", List.of(
                    Map.of("name", "production", "order", 2, "requiresApproval", true,
                            "promotion", Map.of("mode", "soak", "soak", "PT2H"),
                            "incidentRollback", Map.of("p1Within", "PT30M", "automatic", true),
                            "deployTarget", Map.of("type", "argocd", "url", "https://argo.example",
                                    "settings", Map.of("application", "shop"), "credentialConfigured", true,
                                    "credential", "must-never-show")),
                    Map.of("name", "staging", "order", 1, "requiresApproval", false, "requiredChecks", List.of("build", "e2e"),
                            "deployTarget", Map.of("type", "webhook", "url", "https://hooks.example/deploy"))));

    @Test
    void environments_come_in_promotion_order_and_the_last_is_production() {
        var entry = CatalogEntry.of(SHOP, null, null, null);

        assertThat(entry.environments()).extracting(CatalogEntry.Environment::name).containsExactly("staging", "production");
        assertThat(entry.environments()).extracting(CatalogEntry.Environment::production).containsExactly(false, true);
        var staging = entry.environments().getFirst();
        assertThat(staging.promotionMode()).isEqualTo("automatic");
        assertThat(staging.requiredChecks()).containsExactly("build", "e2e");
        var production = entry.environments().getLast();
        assertThat(production.soak()).isEqualTo("PT2H");
        assertThat(production.p1Within()).isEqualTo("PT30M");
        assertThat(production.automaticRollback()).isTrue();
        assertThat(entry.policiesShown()).isFalse();
        assertThat(entry.profilesShown()).isFalse();
    }

    @Test
    void an_executor_keeps_its_type_address_and_settings_never_a_credential() {
        var executor = CatalogEntry.of(SHOP, null, null, null).environments().getLast().executor();

        assertThat(executor).isNotNull();
        assertThat(executor.type()).isEqualTo("argocd");
        assertThat(executor.settings()).containsExactly(Map.entry("application", "shop"));
        assertThat(executor.credentialConfigured()).isTrue();
        assertThat(executor.toString()).doesNotContain("must-never-show");
    }

    @Test
    void a_service_s_own_policy_wins_over_its_environment_s_per_change_type() {
        var policies = List.<Map<String, Object>>of(
                policy("production", null, "NORMAL", 1),
                policy("production", "shop", "NORMAL", 2),
                policy("production", "other", "NORMAL", 3),
                policy("production", null, "EMERGENCY", 1),
                policy("staging", null, "NORMAL", 4));

        var applicable = CatalogEntry.applicable(policies, "shop", "production");

        assertThat(applicable).extracting(CatalogEntry.Policy::changeType).containsExactly("NORMAL", "EMERGENCY");
        assertThat(applicable.getFirst().service()).isEqualTo("shop");
        assertThat(applicable.getFirst().approvalsRequired()).isEqualTo(2);
    }

    @Test
    void profiles_and_freeze_windows_are_matched_to_each_environment() {
        var profiles = List.<Map<String, Object>>of(Map.of("environment", "production", "criticality", "HIGH",
                "businessHours", Map.of("days", List.of("MONDAY", "FRIDAY"), "from", "09:00", "to", "17:00", "zone", "Europe/Paris")));
        var freezes = List.<Map<String, Object>>of(
                Map.of("window", Map.of("name", "Sale", "active", true, "start", "2026-12-01T00:00:00Z",
                                "end", "2026-12-02T00:00:00Z", "scope", Map.of("environments", List.of("production"))),
                        "occurrences", List.of(Map.of("start", "2026-12-01T00:00:00Z", "end", "2026-12-02T00:00:00Z"))),
                Map.of("window", Map.of("name", "Other service", "active", true, "scope", Map.of("services", List.of("other"))),
                        "occurrences", List.of()));

        var entry = CatalogEntry.of(SHOP, List.of(), profiles, freezes);

        var production = entry.environments().getLast();
        assertThat(production.profile()).isEqualTo(new CatalogEntry.Profile("HIGH", "MONDAY, FRIDAY", "09:00–17:00 Europe/Paris"));
        assertThat(production.freezes()).containsExactly(new CatalogEntry.Freeze("Sale", "2026-12-01 00:00 UTC", "2026-12-02 00:00 UTC"));
        assertThat(entry.environments().getFirst().freezes()).isEmpty();
        assertThat(entry.environments().getFirst().profile()).isNull();
        assertThat(entry.policiesShown()).isTrue();
        assertThat(entry.profilesShown()).isTrue();
    }

    static Map<String, Object> policy(String environment, String service, String type, int approvals) {
        var policy = new java.util.HashMap<String, Object>(Map.of("environment", environment, "changeType", type,
                "version", 1, "approvalsRequired", approvals, "approverRoles", List.of("change-manager"),
                "anyRejectionRejects", true));
        if (service != null) {
            policy.put("service", service);
        }
        return policy;
    }
}
