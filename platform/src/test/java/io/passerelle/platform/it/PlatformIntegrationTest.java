package io.passerelle.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.deadletter.DeadLetterEndpoint;
import io.passerelle.platform.inbox.ProcessedMessageRetention;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

@PasserelleIntegrationTest
@AutoConfigureMockMvc
class PlatformIntegrationTest {

    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired DeadLetterEndpoint deadLetters;
    @Autowired MockMvc mvc;
    @Autowired ProcessedMessageRetention retention;

    @Test
    void an_event_is_handled_once_and_its_consequence_leaves_through_the_outbox() {
        var id = UUID.randomUUID().toString();
        var event = events.publishUnchecked("test.pinged.v1", id, Map.of("id", id, "unusedByConsumer", "tolerated"));

        events.await("test.ponged.v1", data -> data.get("id").asString().equals(id));
        events.publishUnchecked(event); // the same event id again: a redelivery, acknowledged without effect
        events.publishUnchecked("test.pinged.v1", id, Map.of("id", id)); // a new event about the same thing does run

        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(id) == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> attempts(id) == 2);
        assertThat(events.received("test.ponged.v1", data -> data.get("id").asString().equals(id))).hasSize(2);
        assertThat(jdbc.sql("select count(*) from processed_message where message_id = :id")
                .param("id", event.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void an_unpublished_outbox_row_left_by_a_crash_is_relayed() {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into outbox_event (id, type, subject, payload, created_at) values (:id, 'test.ponged.v1', 'x',
                cast(:payload as jsonb), now())""")
                .param("id", id)
                .param("payload", """
                        {"specversion":"1.0","id":"%s","source":"/passerelle/test","type":"test.ponged.v1",
                         "time":"2026-01-01T00:00:00Z","datacontenttype":"application/json","data":{"id":"left"}}"""
                        .formatted(id))
                .update();

        events.await("test.ponged.v1", data -> data.get("id").asString().equals("left"));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "select published_at is not null from outbox_event where id = :id").param("id", id)
                .query(Boolean.class).single());
    }

    @Test
    void a_poison_message_goes_to_the_dead_letter_queue_after_bounded_retries_and_can_be_replayed() {
        var id = "poison-" + UUID.randomUUID();
        jdbc.sql("update poison_switch set cured = false").update();
        events.publishUnchecked("test.poisoned.v1", id, Map.of("id", id));

        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.list().messages().stream()
                .anyMatch(m -> m.body().contains(id)));
        var letter = deadLetters.list().messages().stream().filter(m -> m.body().contains(id)).findFirst().orElseThrow();
        assertThat(letter.error()).contains("poisoned " + id);
        assertThat(rows(id)).isZero();

        jdbc.sql("update poison_switch set cured = true").update();
        assertThat(deadLetters.replay().messages()).isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> rows(id) == 1);
        assertThat(deadLetters.list().messages()).noneMatch(m -> m.body().contains(id));
    }

    @Test
    void a_malformed_message_is_dead_lettered_not_dropped() {
        var marker = "garbage-" + UUID.randomUUID();
        events.publishRaw("test.pinged.v1", "{\"not\":\"a cloud event\",\"marker\":\"" + marker + "\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.list().messages().stream()
                .anyMatch(m -> m.body().contains(marker)));
    }

    @Test
    void errors_are_problem_json() throws Exception {
        mvc.perform(post("/pings").contentType(MediaType.APPLICATION_JSON).content("{\"id\":\"a\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/pings").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_service-desk")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"id\":\"a\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/pings").with(changeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"id\":\"a\",\"extra\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("unknown field 'extra'"));
        mvc.perform(post("/pings").with(changeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"id\":\"" + "x".repeat(2_000_000) + "\"}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/pings").with(changeManager()).contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"));
    }

    @Test
    void processed_messages_are_forgotten_after_the_retention_and_not_before() {
        jdbc.sql("""
                insert into processed_message (consumer, message_id, event_type, processed_at) values
                ('platformtest', 'old-one', 'test.pinged.v1', now() - interval '31 days'),
                ('platformtest', 'recent-one', 'test.pinged.v1', now() - interval '29 days')""").update();

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select message_id from processed_message where message_id in ('old-one', 'recent-one')")
                .query(String.class).list()).containsExactly("recent-one");
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_without_internals_not_a_401() throws Exception {
        mvc.perform(post("/pings/boom").with(changeManager()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"a\"}"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/internal-error"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("internal detail"))));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor changeManager() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_change-manager"));
    }

    private int attempts(String id) {
        return jdbc.sql("select coalesce(max(attempts), 0) from ping where id = :id").param("id", id)
                .query(Integer.class).single();
    }

    private int rows(String id) {
        return jdbc.sql("select count(*) from ping where id = :id").param("id", id).query(Integer.class).single();
    }
}
