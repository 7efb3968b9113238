package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.UpstreamEvents.newService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lists of incidents: every filter, together, a page at a time, and what the list refuses. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class IncidentListIntegrationTest {

    private static final RequestPostProcessor SAM = TestJwts.user("sam", "service-desk");
    private static final RequestPostProcessor OTTO = TestJwts.user("otto", "on-call");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Autowired EventProbe probe;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    String service;
    String token;

    @BeforeEach
    void setUp() {
        service = newService();
        token = "tok" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void every_filter_narrows_the_list_and_filters_combine() throws Exception {
        var down = report("production", "HIGH", "HIGH", "Checkout 100% down " + token, null);
        var slow = report("production", "LOW", "LOW", "Slow receipts " + token, "payment_GATEWAY timeouts");
        var staging = report("staging", "MEDIUM", "MEDIUM", "Staging flaky", null);
        var assigned = report("production", "MEDIUM", "MEDIUM", "Refunds stuck", null);
        mvc.perform(post("/api/v1/incidents/{id}/acknowledge", assigned).with(OTTO)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/incidents/{id}/assignment", assigned).with(OTTO)
                .contentType(MediaType.APPLICATION_JSON).content("{\"assignee\":\"otto\"}")).andExpect(status().isOk());
        var other = service;
        service = newService();
        report("production", "HIGH", "HIGH", "Elsewhere " + token, null);
        service = other;

        assertThat(ids("service=" + service)).containsExactly(assigned, staging, slow, down);
        assertThat(ids("service=" + service + "&environment=staging")).containsExactly(staging);
        assertThat(ids("service=" + service + "&state=NEW")).containsExactly(staging, slow, down);
        assertThat(ids("service=" + service + "&state=NEW&state=ACKNOWLEDGED"))
                .containsExactly(assigned, staging, slow, down);
        assertThat(ids("service=" + service + "&state=RESOLVED")).isEmpty();
        assertThat(ids("service=" + service + "&priority=P1&priority=P5")).containsExactly(slow, down);
        assertThat(ids("service=" + service + "&assignee=otto")).containsExactly(assigned);
        assertThat(ids("service=" + service + "&environment=production&priority=P3&state=ACKNOWLEDGED&assignee=otto"))
                .containsExactly(assigned);
        // text: in the title or the description, case ignored, % and _ taken literally
        assertThat(ids("text=" + token)).hasSize(3).contains(down, slow);
        assertThat(ids("service=" + service + "&text=" + token.toUpperCase())).containsExactly(slow, down);
        assertThat(ids("service=" + service + "&text=gateway")).containsExactly(slow);
        assertThat(ids("service=" + service + "&text=100%25")).containsExactly(down);
        assertThat(ids("service=" + service + "&text=0%25%20d")).containsExactly(down);
        assertThat(ids("service=" + service + "&text=%25")).containsExactly(down);
        assertThat(ids("service=" + service + "&text=t_G")).containsExactly(slow);
        assertThat(ids("service=" + service + "&text=s_u")).isEmpty(); // "Refunds stuck": _ is not a wildcard
    }

    @Test
    void unattributed_incidents_are_listed_apart() throws Exception {
        var fingerprint = "fp-" + UUID.randomUUID();
        probe.publish("alert.fired.v1", fingerprint, Map.of("fingerprint", fingerprint, "alertName", "DiskFull",
                "severity", "warning", "summary", "Disk full on a host nobody named " + token,
                "startsAt", Instant.now().minusSeconds(60).toString()));
        var opened = probe.await("incident.opened.v1", data -> data.get("title").asString().contains(token)).data();
        report("production", "LOW", "LOW", "Attributed " + token, null);

        assertThat(ids("attributed=false&text=" + token)).containsExactly(opened.get("incidentId").asString());
        assertThat(ids("attributed=true&text=" + token)).hasSize(1).doesNotContain(opened.get("incidentId").asString());
    }

    @Test
    void a_list_is_paged_by_the_link_to_the_next_page_until_there_is_none() throws Exception {
        var reported = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            reported.add(0, report("production", "LOW", "LOW", "Incident " + i, null));
        }

        var seen = new ArrayList<String>();
        var pages = 0;
        String next = "/api/v1/incidents?service=" + service + "&limit=2";
        while (next != null) {
            var response = mvc.perform(get(java.net.URI.create(next)).with(OTTO)).andExpect(status().isOk()).andReturn().getResponse();
            json.readTree(response.getContentAsString()).forEach(i -> seen.add(i.get("id").asString()));
            pages++;
            var link = response.getHeader("Link");
            if (link == null) {
                next = null;
            } else {
                var matcher = NEXT.matcher(link);
                assertThat(matcher.matches()).as(link).isTrue();
                next = matcher.group(1);
                assertThat(next).startsWith("/api/v1/incidents?").contains("service=" + service).contains("limit=2")
                        .contains("cursor=");
            }
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(reported);
        var exact = mvc.perform(get("/api/v1/incidents?service=" + service + "&limit=5").with(SAM))
                .andExpect(jsonPath("$.length()").value(5)).andReturn().getResponse();
        assertThat(exact.getHeader("Link")).as("no next page when the last one is exactly full").isNull();
    }

    @Test
    void a_bad_filter_or_cursor_is_a_problem() throws Exception {
        var forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("999999999999999999_" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
        var bad = List.of("state=OPEN", "priority=P0", "limit=0", "limit=501", "cursor=not*a*cursor",
                "cursor=bm90LWEtY3Vyc29y", "cursor=" + forged, "attributed=maybe", "assignee=Otto%20Smith",
                "text=" + "x".repeat(201), "environment=Prod!",
                "state=NEW&state=NEW&state=NEW&state=NEW&state=NEW&state=NEW&state=NEW");
        for (var query : bad) {
            mvc.perform(get(java.net.URI.create("/api/v1/incidents?" + query)).with(SAM))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value(Matchers.not(
                            Matchers.matchesPattern("(?s).*(java\\.|Exception|[a-z]\\$[A-Z]).*"))));
        }
        mvc.perform(get("/api/v1/incidents?cursor=bm90LWEtY3Vyc29y").with(SAM))
                .andExpect(jsonPath("$.detail").value("cursor is not one this service gave: use the Link of the"
                        + " previous page"));
    }

    @Test
    void readers_list_and_others_may_not() throws Exception {
        for (var reader : List.of(SAM, OTTO, TestJwts.user("pia", "problem-manager"),
                TestJwts.user("alice", "change-manager"), TestJwts.user("rhea", "release-manager"))) {
            mvc.perform(get("/api/v1/incidents?limit=1").with(reader)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/incidents").with(TestJwts.user("mon", "monitoring"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/incidents")).andExpect(status().isUnauthorized());
    }

    private List<String> ids(String query) throws Exception {
        // a URI, not a template: the query is sent as written, already encoded
        var body = mvc.perform(get(java.net.URI.create("/api/v1/incidents?" + query)).with(SAM))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var ids = new ArrayList<String>();
        json.readTree(body).forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private String report(String environment, String impact, String urgency, String title, String description)
            throws Exception {
        var body = new java.util.HashMap<String, Object>(Map.of("service", service, "environment", environment,
                "title", title, "impact", impact, "urgency", urgency));
        if (description != null) {
            body.put("description", description);
        }
        var response = mvc.perform(post("/api/v1/incidents").with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andExpect(status().isCreated()).andReturn().getResponse();
        JsonNode incident = json.readTree(response.getContentAsString());
        return incident.get("id").asString();
    }
}
