package io.passerelle.platform.it;

import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PasserelleIntegrationTest
@AutoConfigureMockMvc
class TracingAndMetricsIntegrationTest {

    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void the_trace_of_a_request_is_stored_with_its_event_and_carried_by_the_message() throws Exception {
        var traceId = randomTraceId();
        var id = "traced-" + UUID.randomUUID();
        mvc.perform(post("/pings").with(TestJwts.user("tester", "change-manager"))
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"id\":\"" + id + "\"}"))
                .andExpect(status().isOk());

        var stored = jdbc.sql("select trace_context->>'traceparent' from outbox_event where subject = :id")
                .param("id", id).query(String.class).single();
        assertThat(stored).startsWith("00-" + traceId + "-");
        var ponged = events.await("test.ponged.v1", data -> data.get("id").asString().equals(id));
        assertThat(events.traceparentOf(ponged)).hasValueSatisfying(carried -> assertThat(carried)
                .startsWith("00-" + traceId + "-")
                .as("the relay publishes in a span of its own, child of the stored context")
                .isNotEqualTo(stored));
    }

    @Test
    void a_consumer_continues_the_trace_of_the_message_it_handles_into_the_events_it_publishes() {
        var traceId = randomTraceId();
        var id = "consumed-" + UUID.randomUUID();
        events.publishUnchecked("test.pinged.v1", id, Map.of("id", id), "00-" + traceId + "-b7ad6b7169203331-01");

        var ponged = events.await("test.ponged.v1", data -> data.get("id").asString().equals(id));
        assertThat(events.traceparentOf(ponged)).hasValueSatisfying(
                carried -> assertThat(carried).startsWith("00-" + traceId + "-"));
    }

    @Test
    void an_event_without_trace_context_starts_a_trace_of_its_own() {
        var id = "untraced-" + UUID.randomUUID();
        events.publishUnchecked("test.pinged.v1", id, Map.of("id", id));

        var ponged = events.await("test.ponged.v1", data -> data.get("id").asString().equals(id));
        assertThat(events.traceparentOf(ponged)).hasValueSatisfying(
                carried -> assertThat(carried).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void prometheus_metrics_show_the_outbox_the_inbox_and_the_dead_letters_to_an_operator_only() throws Exception {
        var id = "metered-" + UUID.randomUUID();
        var event = events.publishUnchecked("test.pinged.v1", id, Map.of("id", id));
        events.await("test.ponged.v1", data -> data.get("id").asString().equals(id));
        events.publishUnchecked(event);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> scrape()
                .contains("passerelle_inbox_seconds_count{application=\"platformtest\",error=\"none\",event_type=\"test.pinged.v1\",outcome=\"duplicate\"}"));

        var metrics = scrape();
        assertThat(metrics)
                .contains("passerelle_inbox_seconds_count{application=\"platformtest\",error=\"none\",event_type=\"test.pinged.v1\",outcome=\"handled\"}")
                .contains("passerelle_outbox_backlog{application=\"platformtest\"}")
                .contains("passerelle_outbox_oldest_age_seconds{application=\"platformtest\"}")
                .contains("passerelle_deadletters{application=\"platformtest\",queue=\"it.platformtest.passerelle.events.platformtest.dlq\"}")
                .contains("http_server_requests_seconds_bucket");
        mvc.perform(get("/actuator/prometheus").with(TestJwts.user("tester", "change-manager")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(TestJwts.user("tester", "operator")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static String randomTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
