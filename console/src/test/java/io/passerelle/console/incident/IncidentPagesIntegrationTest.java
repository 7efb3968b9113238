package io.passerelle.console.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.passerelle.console.api.Api;
import io.passerelle.console.api.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incident and problem pages rendered in the real application context, over answers shaped as incident-service
 * gives them (its OpenAPI examples, nulls included): what each role sees and which call each form makes. The real
 * services answer in IncidentsBrowserE2ETest.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IncidentPagesIntegrationTest {

    static final String ID = "5f1c9b7e-2a4d-4c8f-b3e6-7d9a1c2e4f60";
    static final String DEPLOYMENT = "0b5e8f0e-6a43-4d55-9d1c-3f3f8b9c7a11";
    static final String CHANGE = "7e1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String PROBLEM = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @MockitoBean Api api;

    static Map<String, Object> json(String text) {
        return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    static Map<String, Object> incident(String title, String priority, String state) {
        return json("""
                {"id":"%s","service":"shop","environment":"production","attributed":true,"title":"%s",
                 "description":"Carts are empty","source":"SERVICE_DESK","priority":"%s","impact":"HIGH","urgency":"HIGH",
                 "state":"%s","fingerprint":null,"alertName":null,"occurrences":1,"lastSeenAt":null,
                 "startedAt":"2026-11-30T12:00:00Z","openedAt":"2026-11-30T12:01:00Z","reportedBy":"sam",
                 "acknowledgedAt":null,"acknowledgedBy":null,"timeToAcknowledgeSeconds":null,"assignee":null,
                 "assignmentGroup":null,"holdReason":null,"resolvedAt":null,"resolvedBy":null,"timeToRestoreSeconds":null,
                 "closedAt":null,"closedBy":null,
                 "suspects":[{"rank":1,"deploymentId":"%s","version":"a1b2c3d4e5f6","commitSha":"a1b2c3d4e5f6a1b2",
                   "changeId":"%s","outcome":"SUCCEEDED","finishedAt":"2026-11-30T11:50:00Z","score":0.695,
                   "reason":"a1b2c3d4e5f6 deployed to production 10 min before","decision":null,"decidedBy":null,
                   "decidedAt":null,"decisionReason":null}],
                 "knownErrors":[{"problemId":"%s","title":"Cart cache stampede","workaround":"flush the cart cache"}],
                 "problems":[]}
                """.formatted(ID, title, priority, state, DEPLOYMENT, CHANGE, PROBLEM));
    }

    static RequestPostProcessor user(String name, String... roles) {
        var authorities = java.util.Arrays.stream(roles)
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return oidcLogin().idToken(token -> token.claim("preferred_username", name)).authorities(authorities);
    }

    /** The path an API call built with {@code list(u -> ...)} or {@code page(u -> ...)} goes to, with its query. */
    static URI uri(org.mockito.invocation.InvocationOnMock call) {
        Function<UriBuilder, URI> builder = call.getArgument(0);
        return builder.apply(UriComponentsBuilder.newInstance());
    }

    @Test
    void the_board_shows_open_incidents_by_priority_p1_first_and_only_the_service_desk_may_log_one() throws Exception {
        when(api.page(any())).thenAnswer(call -> {
            assertThat(uri(call).getQuery()).startsWith("state=NEW&state=ACKNOWLEDGED&state=IN_PROGRESS&state=ON_HOLD");
            return new Page(List.of(incident("Slow search", "P3", "ACKNOWLEDGED"), incident("Carts are empty", "P1", "NEW")),
                    "limit=50&cursor=abc");
        });

        var page = mvc.perform(get("/incidents").with(user("sam", "service-desk"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Log an incident")))
                .andExpect(content().string(containsString("sse:incident")))
                .andExpect(content().string(containsString("/deployments/" + DEPLOYMENT)))
                .andExpect(content().string(containsString("href=\"/incidents?pages=2\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("P1 · critical")).isPositive().isLessThan(page.indexOf("P3 · moderate"));
        assertThat(page.indexOf("Carts are empty")).isLessThan(page.indexOf("Slow search"));

        mvc.perform(get("/incidents").with(user("otto", "on-call"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Log an incident"))));
        mvc.perform(get("/incidents/board").with(user("otto", "on-call")).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Nouveau")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void the_form_offers_the_catalog_and_logs_the_incident_against_the_chosen_service_and_environment() throws Exception {
        when(api.list(any())).thenReturn(List.of(json("""
                {"name":"shop","environments":[{"name":"staging"},{"name":"production"}]}""")));
        mvc.perform(get("/incidents/new").with(user("sam", "service-desk"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"shop/production\"")));

        when(api.post(eq("/api/v1/incidents"), any())).thenReturn(incident("Carts are empty", "P1", "NEW"));
        mvc.perform(post("/incidents").with(user("sam", "service-desk")).with(csrf()).param("target", "shop/production")
                        .param("title", " Carts are empty ").param("description", "").param("impact", "HIGH")
                        .param("urgency", "HIGH").param("startedAt", "2026-11-30T12:00"))
                .andExpect(redirectedUrl("/incidents/" + ID));
        verify(api).post("/api/v1/incidents", Map.of("service", "shop", "environment", "production",
                "title", "Carts are empty", "impact", "HIGH", "urgency", "HIGH", "startedAt", "2026-11-30T12:00:00Z"));
    }

    @Test
    void the_detail_shows_facts_suspects_known_errors_rollback_and_timeline_and_the_actions_of_the_role() throws Exception {
        when(api.get("/api/v1/incidents/{id}", UUID.fromString(ID))).thenReturn(incident("Carts are empty", "P1", "NEW"));
        when(api.list(any())).thenAnswer(call -> uri(call).getPath().endsWith("/timeline")
                ? List.of(json("""
                        {"at":"2026-11-30T12:01:00Z","kind":"OPENED","actor":"sam","text":"opened as P1: Carts are empty","ref":null}"""),
                        json("""
                        {"at":"2026-11-30T12:05:00Z","kind":"SUSPECT_DECISION","actor":"otto","text":"confirmed as a cause","ref":"%s"}"""
                                .formatted(DEPLOYMENT)))
                : List.of(json("""
                        {"undoneDeploymentId":"%s","deploymentId":null,"changeId":null,"environment":"production",
                         "restoredVersion":null,"state":"DECLINED","automatic":false,
                         "declinedReason":"no release succeeded in production before it: nothing to roll back to",
                         "updatedAt":"2026-11-30T12:06:00Z","timeline":[{"at":"2026-11-30T12:06:00Z","kind":"DEPLOYMENT",
                         "actor":"release-service","text":"no rollback of deployment","ref":null}]}""".formatted(DEPLOYMENT))));

        mvc.perform(get("/incidents/" + ID).with(user("otto", "on-call"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Carts are empty")))
                .andExpect(content().string(containsString("0.695")))
                .andExpect(content().string(containsString("deployed to production 10 min before")))
                .andExpect(content().string(containsString("/changes/" + CHANGE)))
                .andExpect(content().string(containsString("flush the cart cache")))
                .andExpect(content().string(containsString("/problems/" + PROBLEM)))
                .andExpect(content().string(containsString("nothing to roll back to")))
                .andExpect(content().string(containsString("Declined: no rollback possible")))
                .andExpect(content().string(containsString("opened as P1: Carts are empty")))
                .andExpect(content().string(containsString("Acknowledge")))
                .andExpect(content().string(containsString("Confirm as a cause")))
                .andExpect(content().string(not(containsString("Change the priority"))))
                .andExpect(content().string(not(containsString("action-close"))));
        mvc.perform(get("/incidents/" + ID).with(user("rhea", "release-manager"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Acknowledge"))));
        mvc.perform(get("/incidents/" + ID + "/live").with(user("otto", "on-call")).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Déploiements suspects")));
    }

    @Test
    void actions_call_incident_service_with_what_the_user_typed() throws Exception {
        var id = UUID.fromString(ID);
        when(api.post(eq("/api/v1/incidents/{id}/acknowledge"), isNull(), eq(id)))
                .thenReturn(incident("Carts are empty", "P1", "ACKNOWLEDGED"));
        mvc.perform(post("/incidents/" + ID + "/acknowledge").with(user("otto", "on-call")).with(csrf()))
                .andExpect(redirectedUrl("/incidents/" + ID));

        mvc.perform(post("/incidents/" + ID + "/suspects").with(user("otto", "on-call")).with(csrf())
                        .param("deployment", DEPLOYMENT).param("decision", "confirm").param("reason", " it broke carts "))
                .andExpect(redirectedUrl("/incidents/" + ID));
        verify(api).post("/api/v1/incidents/{id}/suspects/{deployment}/confirm", Map.of("reason", "it broke carts"), id,
                UUID.fromString(DEPLOYMENT));

        mvc.perform(post("/incidents/" + ID + "/acknowledge").with(user("otto", "on-call")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/incidents/not-an-id/acknowledge").with(user("otto", "on-call")).with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void problems_are_listed_and_shown_with_the_actions_of_a_problem_manager() throws Exception {
        var problem = json("""
                {"id":"%s","title":"Cart cache stampede","description":null,"service":"shop","state":"UNDER_INVESTIGATION",
                 "rootCause":null,"workaround":"flush the cart cache","match":null,"fixChangeId":"%s","duplicateOf":null,
                 "raisedBy":"pia","raisedAt":"2026-11-30T12:10:00Z","investigatedBy":"pia",
                 "investigatedAt":"2026-11-30T12:11:00Z","knownErrorBy":null,"knownErrorAt":null,"resolvedBy":null,
                 "resolvedAt":null,"closedBy":null,"closedAt":null,
                 "incidents":[{"incidentId":"%s","linkedAt":"2026-11-30T12:10:00Z","linkedBy":"pia"}]}
                """.formatted(PROBLEM, CHANGE, ID));
        when(api.list(any())).thenReturn(List.of(problem));
        mvc.perform(get("/problems").with(user("pia", "problem-manager"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Cart cache stampede")))
                .andExpect(content().string(containsString("Under investigation")))
                .andExpect(content().string(containsString("sse:problem")));

        when(api.get("/api/v1/problems/{id}", UUID.fromString(PROBLEM))).thenReturn(problem);
        when(api.get("/api/v1/incidents/{id}", ID)).thenReturn(incident("Carts are empty", "P1", "NEW"));
        mvc.perform(get("/problems/" + PROBLEM).with(user("pia", "problem-manager"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/changes/" + CHANGE)))
                .andExpect(content().string(containsString("/incidents/" + ID)))
                .andExpect(content().string(containsString("Carts are empty")))
                .andExpect(content().string(containsString("Record as a known error")))
                .andExpect(content().string(not(containsString("Start investigating"))));
        mvc.perform(get("/problems/" + PROBLEM + "/live").with(user("otto", "on-call"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("sse:problem")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/problems/" + PROBLEM).with(user("otto", "on-call"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Record as a known error"))));

        when(api.post(eq("/api/v1/problems/{id}/known-error"), any(), eq(UUID.fromString(PROBLEM)))).thenReturn(problem);
        mvc.perform(post("/problems/" + PROBLEM + "/known-error").with(user("pia", "problem-manager")).with(csrf())
                        .param("rootCause", "").param("workaround", "flush it").param("matchService", "shop")
                        .param("alertName", "").param("labels", "severity=critical"))
                .andExpect(redirectedUrl("/problems/" + PROBLEM));
        verify(api).post("/api/v1/problems/{id}/known-error", Map.of("workaround", "flush it",
                "match", Map.of("service", "shop", "labels", Map.of("severity", "critical"))), UUID.fromString(PROBLEM));
    }
}
