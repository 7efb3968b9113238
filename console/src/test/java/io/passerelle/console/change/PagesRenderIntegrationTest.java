package io.passerelle.console.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;

/**
 * The approvals inbox, a change's detail and the calendar render every field change-service documents, in both
 * languages, from answers shaped as its OpenAPI describes them (the browser tests run them against the real services).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PagesRenderIntegrationTest {

    static final String ID = "45a342d5-6f8f-40ad-8324-38aab3c01369";
    static final String RELEASE = "11111111-2222-3333-4444-555555555555";

    @Autowired MockMvc mvc;
    @MockitoBean Api api;

    static Map<String, Object> change() {
        return Map.ofEntries(Map.entry("id", ID), Map.entry("type", "NORMAL"), Map.entry("state", "PENDING_APPROVAL"),
                Map.entry("service", "checkout"), Map.entry("environment", "production"),
                Map.entry("title", "Deploy checkout 3484a3fb816e to production"), Map.entry("requestedBy", "pipeline:Codertocat"),
                Map.entry("approvals", List.of(Map.of("by", "carol", "decision", "APPROVED", "comment", "fine by me",
                        "at", "2026-11-30T10:00:00Z"))),
                Map.entry("releaseId", RELEASE), Map.entry("deploymentId", "99999999-2222-3333-4444-555555555555"),
                Map.entry("raisedAt", "2026-11-30T09:00:00Z"),
                Map.entry("risk", Map.of("score", 47, "assessedAt", "2026-11-30T09:00:00Z", "factors", List.of(
                        Map.of("name", "open-incidents", "weight", 25, "value", 0.5, "contribution", 12.5,
                                "explanation", "one P2 open"),
                        Map.of("name", "environment-criticality", "weight", 15, "value", 1.0, "contribution", 15.0,
                                "explanation", "CRITICAL")))),
                Map.entry("hold", Map.of("windowIds", List.of("w1"), "windows", List.of("Black Friday"),
                        "until", "2026-12-01T08:00:00Z")),
                Map.entry("causedIncidents", List.of(Map.of("incidentId", "77777777-2222-3333-4444-555555555555",
                        "deploymentId", "x", "priority", "P1", "confirmedBy", "otto", "confirmedAt", "2026-11-30T11:00:00Z",
                        "reason", "errors since"))),
                Map.entry("auditTrail", List.of(Map.of("at", "2026-11-30T09:00:00Z", "by", "pipeline:Codertocat",
                        "action", "RAISED", "state", "NEW"), Map.of("at", "2026-11-30T10:00:00Z", "by", "carol",
                        "action", "APPROVED", "state", "PENDING_APPROVAL", "detail", "fine by me"))));
    }

    static Map<String, Object> release() {
        return Map.of("id", RELEASE, "service", "checkout", "version", "3484a3fb816e",
                "commitSha", "3484a3fb816e0859fd6e1cea078d76385ff50625", "runUrl", "https://ci.example/runs/1",
                "recordedAt", "2026-11-30T08:00:00Z",
                "commits", List.of(Map.of("sha", "3484a3fb816e0859fd6e1cea078d76385ff50625", "message", "Fix the cart")),
                "checks", List.of(Map.of("name", "CI", "conclusion", "success", "runId", "1", "runUrl", "https://ci.example/runs/1",
                        "finishedAt", "2026-11-30T08:00:00Z")));
    }

    static Map<String, Object> window() {
        return Map.ofEntries(Map.entry("id", "aaaaaaaa-2222-3333-4444-555555555555"), Map.entry("version", 1),
                Map.entry("name", "Black Friday"), Map.entry("reason", "sales"), Map.entry("start", "2026-11-27T16:00:00Z"),
                Map.entry("end", "2026-12-01T08:00:00Z"), Map.entry("timeZone", "Europe/Paris"),
                Map.entry("recurrence", "FREQ=YEARLY"),
                Map.entry("scope", Map.of("services", List.of("checkout"))), Map.entry("declaredBy", "alice"),
                Map.entry("declaredAt", "2026-11-01T00:00:00Z"), Map.entry("active", true));
    }

    @SuppressWarnings("unchecked")
    @BeforeEach
    void answers() {
        when(api.list(any())).thenAnswer(call -> {
            URI uri = ((Function<UriBuilder, URI>) call.getArgument(0)).apply(new DefaultUriBuilderFactory().builder());
            return switch (uri.getPath()) {
                case "/api/v1/changes" -> List.of(change());
                case "/api/v1/releases" -> List.of(release());
                case "/api/v1/freeze-windows" -> List.of(window());
                default -> List.of();
            };
        });
        when(api.get(eq("/api/v1/changes/{id}"), any())).thenReturn(change());
        when(api.get(eq("/api/v1/calendar?from={from}&to={to}"), anyString(), anyString())).thenReturn(Map.of(
                "from", "2026-10-26T00:00:00Z", "to", "2026-12-07T00:00:00Z",
                "freezeWindows", List.of(Map.of("window", window(), "occurrences",
                        List.of(Map.of("start", "2026-11-27T16:00:00Z", "end", "2026-12-01T08:00:00Z")))),
                "changes", List.of(Map.of("id", ID, "type", "NORMAL", "state", "SCHEDULED", "service", "checkout",
                        "environment", "production", "title", "Deploy checkout", "authorizedAt", "2026-11-28T10:00:00Z"))));
    }

    String page(String path, String language, String... roles) throws Exception {
        var login = oidcLogin().authorities(java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toArray(SimpleGrantedAuthority[]::new));
        return mvc.perform(get(path).with(login).header("Accept-Language", language)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void the_inbox_shows_the_risk_evidence_policy_votes_and_one_click_decisions() throws Exception {
        assertThat(page("/approvals", "en", "change-manager")).contains("Deploy checkout 3484a3fb816e to production",
                "Risk 47 / 100", "Open P1/P2 incidents", "one P2 open", "https://ci.example/runs/1", "Fix the cart",
                "Needs one approval by: change-manager", "1 of 1 approvals so far", "fine by me",
                "/approvals/" + ID + "/approve", "/approvals/" + ID + "/reject", "hx-trigger=\"sse:change\"");
        assertThat(page("/approvals", "fr", "change-manager")).contains("Approuver", "Rejeter", "Risque 47 / 100");
        assertThat(page("/approvals/pending", "en", "cab-member")).doesNotContain("<html")
                .contains("One other change waits");
    }

    @Test
    void the_detail_shows_the_lifecycle_deployment_incidents_hold_and_audit_trail() throws Exception {
        assertThat(page("/changes/" + ID, "en", "change-manager")).contains("Pending approval", "pipeline:Codertocat",
                "/deployments/99999999-2222-3333-4444-555555555555", "/incidents/77777777-2222-3333-4444-555555555555",
                "Held by the freeze windows Black Friday", "Risk 47 / 100", "Approved", "fine by me", "Raised",
                "/changes/" + ID + "/approve");
        assertThat(page("/changes/" + ID, "fr", "service-desk")).contains("Piste d&#39;audit", "En attente d&#39;approbation")
                .doesNotContain("/changes/" + ID + "/approve");
    }

    @Test
    void a_requester_s_own_approval_refused_by_the_service_is_shown_in_its_words_not_as_a_missing_role() throws Exception {
        var refusal = org.mockito.Mockito.mock(io.passerelle.console.api.ApiRefusal.class);
        when(refusal.status()).thenReturn(403);
        when(refusal.title()).thenReturn("Segregation of duties");
        when(refusal.detail()).thenReturn("bob requested change 1 through a pipeline and cannot approve it");
        when(refusal.forbidden()).thenReturn(false);
        when(api.post(eq("/api/v1/changes/{id}/approve"), any(), any())).thenThrow(refusal);
        var answer = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/approvals/" + ID + "/approve").param("comment", "mine")
                        .with(oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_change-manager")))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .header("HX-Request", "true").header("HX-Boosted", "true"))
                .andExpect(status().isForbidden())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("HX-Retarget", "#messages"))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("Segregation of duties", "cannot approve it", "Status 403").doesNotContain("Ask an administrator");
    }

    @Test
    void the_calendar_shows_the_month_and_week_with_freezes_changes_and_held_deployments() throws Exception {
        String month = page("/calendar?view=month&date=2026-11-30", "en", "change-manager");
        assertThat(month).contains("November 2026", "Black Friday", "Deploy checkout", "checkout · every environment",
                "Declare a freeze window", "/freeze-windows/aaaaaaaa-2222-3333-4444-555555555555/end", "/calendar/feed.ics",
                "/api/v1/calendar.ics", "Resumes on its own at");
        assertThat(page("/calendar?view=week&date=2026-11-30", "fr", "service-desk")).contains("Semaine suivante",
                "Black Friday").doesNotContain("Déclarer une période de gel");
        assertThat(page("/calendar/board?view=week&date=2026-11-30", "en", "cab-member")).doesNotContain("<html");
    }
}
