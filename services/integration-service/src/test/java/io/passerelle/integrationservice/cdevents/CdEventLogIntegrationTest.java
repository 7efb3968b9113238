package io.passerelle.integrationservice.cdevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.node.ObjectNode;

/**
 * An operator reads the CDEvents produced from a Passerelle event, each with its delivery to the exchange (confirmed by
 * the real broker), and replays one whose retries were spent; only an operator may, and bad input writes nothing.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class CdEventLogIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    /** A NORMAL change raised pending approval: ticket.created and approval.created, both about the change. */
    UUID raiseChange() {
        var changeId = UUID.randomUUID();
        var data = (ObjectNode) EventContracts.recorded("change.raised.v1");
        data.put("changeId", changeId.toString());
        events.publish("change.raised.v1", changeId.toString(), data);
        await().atMost(Duration.ofSeconds(15)).until(() -> delivered(changeId) == 2);
        return changeId;
    }

    int delivered(UUID subject) {
        return jdbc.sql("select count(*) from cdevent_outbox where subject = :s and destination = 'amqp' "
                + "and delivered_at is not null").param("s", subject.toString()).query(Integer.class).single();
    }

    List<Map<String, Object>> rows(UUID subject) {
        return jdbc.sql("select id, destination, attempts, delivered_at, next_attempt_at, failed_reason "
                + "from cdevent_outbox where subject = :s order by id, destination")
                .param("s", subject.toString()).query().listOfRows();
    }

    @Test
    void an_operator_lists_the_cdevents_of_a_change_with_their_delivery_to_the_exchange() throws Exception {
        var changeId = raiseChange();

        mvc.perform(get("/api/v1/cdevents").param("subject", changeId.toString())
                        .with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].type").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "dev.cdevents.ticket.created.0.2.0", "dev.cdevents.approval.created.0.1.0")))
                .andExpect(jsonPath("$[0].subject").value(changeId.toString()))
                .andExpect(jsonPath("$[0].cdevent.subject.id").value(changeId.toString()))
                .andExpect(jsonPath("$[0].deliveries[0].destination").value("amqp"))
                .andExpect(jsonPath("$[0].deliveries[0].state").value("DELIVERED"))
                .andExpect(jsonPath("$[0].deliveries[0].deliveredAt").exists());

        mvc.perform(get("/api/v1/cdevents").param("subject", changeId.toString())
                        .param("type", "dev.cdevents.approval.").with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].type").value("dev.cdevents.approval.created.0.1.0"));
        mvc.perform(get("/api/v1/cdevents").param("subject", changeId.toString())
                        .param("since", "2999-01-01T00:00:00Z").with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void a_failed_delivery_is_replayed_and_reaches_the_exchange_again() throws Exception {
        var changeId = raiseChange();
        // the broker's confirms spent (as after a long outage): the row is given up, as the relay leaves it
        var id = jdbc.sql("""
                update cdevent_outbox set delivered_at = null, next_attempt_at = null, attempts = 10,
                       failed_reason = 'broker unreachable'
                where subject = :s and destination = 'amqp' and type = 'dev.cdevents.ticket.created.0.2.0'
                returning id""").param("s", changeId.toString()).query(UUID.class).single();

        mvc.perform(get("/api/v1/cdevents").param("subject", changeId.toString())
                        .param("type", "dev.cdevents.ticket.created.0.2.0").with(TestJwts.user("oscar", "operator")))
                .andExpect(jsonPath("$[0].deliveries[0].state").value("FAILED"))
                .andExpect(jsonPath("$[0].deliveries[0].reason").value("broker unreachable"));

        mvc.perform(post("/api/v1/cdevents/{id}/deliveries/amqp/replay", id).with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.attempts").value(0));

        await().atMost(Duration.ofSeconds(15)).until(() -> delivered(changeId) == 2);
        mvc.perform(post("/api/v1/cdevents/{id}/deliveries/amqp/replay", id).with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/state-conflict")));
    }

    @Test
    void only_an_operator_reads_or_replays_and_a_refusal_changes_nothing() throws Exception {
        var changeId = raiseChange();
        var id = (UUID) rows(changeId).get(0).get("id");
        jdbc.sql("update cdevent_outbox set delivered_at = null, next_attempt_at = null where id = :id")
                .param("id", id).update();
        var before = rows(changeId);

        for (Supplier<MockHttpServletRequestBuilder> request : List.<Supplier<MockHttpServletRequestBuilder>>of(
                () -> get("/api/v1/cdevents"), () -> post("/api/v1/cdevents/{id}/deliveries/amqp/replay", id))) {
            mvc.perform(request.get().with(TestJwts.user("pat", "pipeline")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(request.get())
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(rows(changeId)).isEqualTo(before);
    }

    @Test
    void bad_input_is_a_problem_and_changes_nothing() throws Exception {
        var changeId = raiseChange();
        var id = (UUID) rows(changeId).get(0).get("id");
        jdbc.sql("update cdevent_outbox set delivered_at = null, next_attempt_at = null where id = :id")
                .param("id", id).update();
        var before = rows(changeId);
        var operator = TestJwts.user("oscar", "operator");

        for (var query : List.of(Map.of("limit", "0"), Map.of("limit", "501"), Map.of("since", "yesterday"),
                Map.of("type", "DEV CDEVENTS"))) {
            var request = get("/api/v1/cdevents").with(operator);
            query.forEach(request::param);
            mvc.perform(request)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/v1/cdevents/{id}/deliveries/amqp/replay", "not-a-uuid").with(operator))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/cdevents/{id}/deliveries/{d}/replay", id, "ftp:x").with(operator))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/cdevents/{id}/deliveries/{d}/replay", id, "sink:nowhere").with(operator))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/cdevents/{id}/deliveries/amqp/replay", UUID.randomUUID()).with(operator))
                .andExpect(status().isNotFound());
        assertThat(rows(changeId)).isEqualTo(before);
    }
}
