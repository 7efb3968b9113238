package io.passerelle.console.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.passerelle.console.api.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The delivery pages render in the real application context (templates, messages, security) from answers shaped as
 * release-service and change-service give them; the browser test (DeliveryBrowserE2ETest) runs them on the real stack.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeliveryPagesIntegrationTest {

    static final String RELEASE = "6f1c1f43-5c0e-4c55-9a52-0c8c4a6fb001";
    static final String STAGING = "6f1c1f43-5c0e-4c55-9a52-0c8c4a6fb002";
    static final String PLANNED = "6f1c1f43-5c0e-4c55-9a52-0c8c4a6fb003";

    static final Map<String, Object> SHOP = Map.of("name", "shop", "repository", "octo/shop", "defaultBranch", "main",
            "webhookSecretConfigured", true, "registeredAt", "2026-11-30T12:00:00Z", "environments", List.of(
                    Map.of("name", "staging", "order", 1, "requiresApproval", false, "deploymentTimeout", "PT30M",
                            "deployTarget", Map.of("type", "webhook", "url", "https://hooks.example/deploy")),
                    Map.of("name", "production", "order", 2, "requiresApproval", true,
                            "promotion", Map.of("mode", "manual"), "incidentRollback", Map.of("automatic", false),
                            "deployTarget", Map.of("type", "argocd", "url", "https://argo.example",
                                    "settings", Map.of("application", "shop"), "credentialConfigured", true))));
    static final Map<String, Object> STAGING_DEPLOYMENT = Map.of("id", STAGING, "releaseId", RELEASE, "service", "shop",
            "environment", "staging", "version", "shop-1", "commitSha", "abcdef0123456789", "state", "SUCCEEDED",
            "kind", "DEPLOY", "changeId", "6f1c1f43-5c0e-4c55-9a52-0c8c4a6fb009", "plannedAt", "2026-11-30T12:00:00Z");
    static final Map<String, Object> DORA = Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-03T00:00:00Z",
            "scope", List.of(Map.of("service", "shop", "environment", "production")),
            "deploymentFrequency", Map.of("successfulDeployments", 1, "perDay", 0.5, "perWeek", 3.5, "level", "HIGH",
                    "deployments", Map.of("total", 1, "truncated", false, "items", List.of(Map.of("id", STAGING,
                            "service", "shop", "environment", "production", "version", "shop-1", "commitSha", "abc",
                            "result", "SUCCEEDED", "finishedAt", "2026-11-02T10:00:00Z")))),
            "leadTimeForChanges", Map.of("measured", 0, "withoutCommitTime", 1,
                    "deployments", Map.of("total", 0, "truncated", false, "items", List.of())),
            "changeFailureRate", Map.of("failures", 0, "finishedDeployments", 1, "rate", 0.0, "level", "ELITE",
                    "deployments", Map.of("total", 0, "truncated", false, "items", List.of())),
            "failedDeploymentRecoveryTime", Map.of("recovered", 0, "unrecovered", 0,
                    "deployments", Map.of("total", 0, "truncated", false, "items", List.of())));

    @Autowired MockMvc mvc;
    @MockitoBean Api api;

    @BeforeEach
    void answers() {
        doAnswer(call -> switch ((String) call.getArgument(0)) {
            case "/api/v1/services/{name}" -> SHOP;
            case "/api/v1/deployments/{id}" -> STAGING_DEPLOYMENT;
            default -> ((String) call.getArgument(0)).startsWith("/api/v1/metrics/dora") ? DORA
                    : Map.of("freezeWindows", List.of());
        }).when(api).get(anyString(), any(Object[].class));
        doAnswer(call -> {
            @SuppressWarnings("unchecked")
            URI uri = ((Function<UriBuilder, URI>) call.getArgument(0)).apply(UriComponentsBuilder.newInstance());
            return switch (uri.getPath()) {
                case "/api/v1/services" -> List.of(SHOP);
                case "/api/v1/releases" -> List.of(Map.of("id", RELEASE, "service", "shop", "version", "shop-1",
                        "commitSha", "abcdef0123456789", "recordedAt", "2026-11-30T11:59:00Z"));
                case "/api/v1/deployments" -> List.of(STAGING_DEPLOYMENT);
                case "/api/v1/approval-policies" -> List.of(Map.of("environment", "production", "changeType", "NORMAL",
                        "version", 2, "approvalsRequired", 2, "approverRoles", List.of("change-manager", "cab-member"),
                        "anyRejectionRejects", true));
                default -> List.of();
            };
        }).when(api).list(any());
        doAnswer(call -> Map.of("id", PLANNED, "releaseId", RELEASE, "service", "shop", "environment", "production",
                "version", "shop-1", "commitSha", "abcdef0123456789", "state", "PLANNED", "kind", "DEPLOY",
                "plannedAt", "2026-11-30T12:06:00Z")).when(api).post(anyString(), any(), any(Object[].class));
    }

    @Test
    void the_grid_shows_each_release_in_each_environment_and_the_promote_button_to_a_release_manager_only() throws Exception {
        String page = page(get("/releases").param("service", "shop").with(user("rhea", "release-manager")));
        assertThat(page).contains("Releases of shop", "id=\"release-shop-1\"", "Succeeded", "Promote to production",
                "action=\"/releases/" + RELEASE + "/promote\"", "name=\"_csrf\"", "hx-disinherit");

        assertThat(page(get("/releases").param("service", "shop").with(user("sam", "service-desk"))))
                .contains("Succeeded").doesNotContain("Promote to production");
    }

    @Test
    void promoting_calls_the_api_and_comes_back_to_the_grid_with_a_notice() throws Exception {
        mvc.perform(post("/releases/" + RELEASE + "/promote").param("environment", "production").param("service", "shop")
                        .with(user("rhea", "release-manager")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/releases?service=shop"));
        verify(api).post(eq("/api/v1/releases/{id}/promote"), eq(Map.of("environment", "production")),
                eq(java.util.UUID.fromString(RELEASE)));
    }

    @Test
    void a_deployment_shows_its_facts_and_the_rollback_form_to_a_release_manager() throws Exception {
        assertThat(page(get("/deployments/" + STAGING).with(user("rhea", "release-manager"))))
                .contains("Deployment of shop shop-1 to staging", "webhook at https://hooks.example/deploy",
                        "/changes/6f1c1f43-5c0e-4c55-9a52-0c8c4a6fb009", "The executor reported success.", "id=\"rollback\"");
        assertThat(page(get("/deployments/" + STAGING).with(user("sam", "service-desk")))).doesNotContain("id=\"rollback\"");
    }

    @Test
    void the_catalog_shows_environments_and_executors_and_policies_to_change_managers() throws Exception {
        assertThat(page(get("/catalog").with(user("sam", "service-desk")))).contains("octo/shop", "staging", "production");
        assertThat(page(get("/catalog/shop").with(user("alice", "change-manager"))))
                .contains("2. production", "Manual: a release manager promotes", "argocd at https://argo.example",
                        "application: shop", "Approval policies in production", "2 approval(s) by change-manager, cab-member");
        assertThat(page(get("/catalog/shop").with(user("sam", "service-desk"))))
                .doesNotContain("Approval policies in").doesNotContain("Profile");
    }

    @Test
    void the_metrics_show_each_figure_as_text_with_chart_data_and_its_deployments() throws Exception {
        String page = page(get("/metrics").param("service", "shop").with(user("oscar", "operator")));
        assertThat(page).contains("Deployment frequency", "1 successful deployment(s)", "data-chart=",
                "/deployments/" + STAGING, "chart.umd.min.js", "/assets/metrics.js", "type=\"text\" id=\"service\"");
        assertThat(page(get("/metrics").param("lang", "fr").with(user("rhea", "release-manager"))))
                .contains("Fréquence de déploiement", "<select id=\"service\"");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static RequestPostProcessor user(String name, String... roles) {
        var authorities = java.util.Arrays.stream(roles)
                .map(r -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return oidcLogin().idToken(token -> token.claim("preferred_username", name)).authorities(authorities);
    }
}
