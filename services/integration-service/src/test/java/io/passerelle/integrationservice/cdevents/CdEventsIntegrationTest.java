package io.passerelle.integrationservice.cdevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Passerelle's events, as their producers recorded them (api-specs/events/examples), go in through the inbox and come
 * out on {@code passerelle.cdevents}: each a CloudEvents structured message, routing key its CDEvents type, its data
 * valid against the CDEvents schemas; a redelivered Passerelle event adds no CDEvent. (Events handled side by side
 * by the inbox come out in the order they were handled.)
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc // the other integration tests' context: one context at a time on the test queues
class CdEventsIntegrationTest {

    @Autowired EventProbe events;
    @Autowired ConnectionFactory connections;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;
    final JsonMapper json = JsonMapper.builder().build();
    final String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
    RabbitAdmin admin;
    RabbitTemplate rabbit;
    Queue queue;

    @BeforeEach
    void bind() {
        admin = new RabbitAdmin(connections);
        rabbit = new RabbitTemplate(connections);
        queue = new Queue("cdevents-probe." + UUID.randomUUID(), false, true, true);
        var exchange = new TopicExchange("passerelle.cdevents", true, false); // declared by the service: bound as is
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("dev.#"));
    }

    @AfterEach
    void unbind() {
        admin.deleteQueue(queue.getName());
    }

    /** The recorded example of the type, about this test's service (and fresh ids where a test needs them). */
    ObjectNode recorded(String type) {
        var data = (ObjectNode) EventContracts.recorded(type);
        if (data.has("service")) {
            data.put("service", service);
        }
        return data;
    }

    List<Message> receive(int count) {
        var messages = new ArrayList<Message>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Message m;
            while ((m = rabbit.receive(queue.getName())) != null) {
                messages.add(m);
            }
            return messages.size() >= count;
        });
        return messages;
    }

    /** Checks the message's envelope and returns its CDEvent, validated against the schemas when they are at hand. */
    JsonNode cdEvent(Message message) {
        var envelope = json.readTree(message.getBody());
        var type = envelope.get("type").asString();
        assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo(type);
        assertThat(message.getMessageProperties().getContentType()).startsWith("application/cloudevents+json");
        assertThat(envelope.get("specversion").asString()).isEqualTo("1.0");
        var data = envelope.get("data");
        assertThat(data.at("/context/type").asString()).isEqualTo(type);
        assertThat(data.at("/context/id").asString()).isEqualTo(envelope.get("id").asString())
                .isEqualTo(message.getMessageProperties().getMessageId());
        assertThat(data.at("/context/source").asString()).isEqualTo(envelope.get("source").asString())
                .isEqualTo("/passerelle");
        assertThat(data.at("/subject/id").asString()).isEqualTo(envelope.get("subject").asString());
        CdEventSchemas.load().ifPresent(schemas -> schemas.assertValid(data));
        return data;
    }

    List<String> types(List<Message> messages) {
        return messages.stream().map(m -> cdEvent(m).at("/context/type").asString()).toList();
    }

    @Test
    void a_deployment_then_another_version_then_a_rollback_are_deployed_upgraded_rolledback() {
        var deployed = recorded("deployment.succeeded.v1");
        deployed.put("deploymentId", UUID.randomUUID().toString());
        events.publish("deployment.succeeded.v1", service, deployed);
        assertThat(types(receive(1))).containsExactly("dev.cdevents.service.deployed.0.3.0");

        var upgraded = recorded("deployment.succeeded.v1");
        upgraded.put("deploymentId", UUID.randomUUID().toString());
        upgraded.put("version", "4.0.0");
        events.publish("deployment.succeeded.v1", service, upgraded);
        var upgrade = receive(1);
        assertThat(types(upgrade)).containsExactly("dev.cdevents.service.upgraded.0.3.0");
        assertThat(cdEvent(upgrade.get(0)).at("/subject/content/artifactId").asString())
                .isEqualTo("pkg:generic/" + service + "@4.0.0");

        events.publish("deployment.rolled-back.v1", service, recorded("deployment.rolled-back.v1"));
        var rollback = receive(1);
        assertThat(types(rollback)).containsExactly("dev.cdevents.service.rolledback.0.3.0");
        assertThat(cdEvent(rollback.get(0)).at("/subject/content/environment/id").asString()).isEqualTo("production");
    }

    @Test
    void an_incident_is_detected_then_resolved() {
        events.publish("incident.opened.v1", "i", recorded("incident.opened.v1"));
        events.publish("incident.resolved.v1", "i", recorded("incident.resolved.v1"));

        var messages = receive(2);
        assertThat(types(messages)).containsExactlyInAnyOrder("dev.cdevents.incident.detected.0.3.0",
                "dev.cdevents.incident.resolved.0.3.0");
        assertThat(messages).allSatisfy(m -> assertThat(cdEvent(m).at("/subject/content/service/id").asString())
                .isEqualTo(service));
    }

    @Test
    void a_change_is_a_ticket_and_its_approval_and_a_problem_a_ticket() {
        var raised = recorded("change.raised.v1");
        raised.put("state", "PENDING_APPROVAL");
        events.publish("change.raised.v1", "c", raised);
        events.publish("change.decision-recorded.v1", "c", recorded("change.decision-recorded.v1"));
        events.publish("change.authorized.v1", "c", recorded("change.authorized.v1"));
        events.publish("change.held.v1", "c", recorded("change.held.v1"));
        events.publish("change.rejected.v1", "c", recorded("change.rejected.v1"));
        events.publish("change.closed.v1", "c", recorded("change.closed.v1"));
        events.publish("change.failed.v1", "c", recorded("change.failed.v1"));

        assertThat(types(receive(10))).containsExactlyInAnyOrder("dev.cdevents.ticket.created.0.2.0",
                "dev.cdevents.approval.created.0.1.0", "dev.cdevents.approval.updated.0.1.0",
                "dev.cdevents.ticket.updated.0.2.0",
                "dev.cdevents.approval.closed.0.1.0", "dev.cdevents.ticket.updated.0.2.0",
                "dev.cdevents.ticket.closed.0.2.0", "dev.cdevents.approval.closed.0.1.0",
                "dev.cdevents.ticket.closed.0.2.0", "dev.cdevents.ticket.closed.0.2.0");

        for (var type : List.of("problem.raised.v1", "problem.known-error-recorded.v1", "problem.resolved.v1",
                "problem.closed.v1")) {
            events.publish(type, "p", recorded(type));
        }
        assertThat(types(receive(4))).containsExactlyInAnyOrder("dev.cdevents.ticket.created.0.2.0",
                "dev.cdevents.ticket.updated.0.2.0", "dev.cdevents.ticket.updated.0.2.0",
                "dev.cdevents.ticket.closed.0.2.0");
    }

    @Test
    void a_freeze_window_is_a_changewindow_created_then_ended() {
        events.publish("freeze-window.declared.v1", "w", recorded("freeze-window.declared.v1"));
        events.publish("freeze-window.ended.v1", "w", recorded("freeze-window.ended.v1"));

        var messages = receive(2);
        assertThat(types(messages)).containsExactlyInAnyOrder("dev.passerelle.changewindow.created.0.1.0",
                "dev.passerelle.changewindow.ended.0.1.0");
        assertThat(messages).anySatisfy(m -> assertThat(cdEvent(m).at("/subject/content/recurrence").asString())
                .isEqualTo("FREQ=WEEKLY;BYDAY=FR"));
    }

    @Test
    void a_redelivered_event_adds_no_cdevent_and_each_cdevent_is_delivered_once() {
        var opened = recorded("incident.opened.v1");
        var incident = UUID.randomUUID().toString();
        opened.put("incidentId", incident);
        var event = CloudEvent.of("/passerelle/test", "incident.opened.v1", incident, java.time.Instant.now(),
                opened);
        events.publish(event);
        events.publish(event);

        assertThat(types(receive(1))).containsExactly("dev.cdevents.incident.detected.0.3.0");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> rabbit.receive(queue.getName()) == null);
        assertThat(jdbc.sql("""
                select count(*) from cdevent_outbox where subject = :incident and delivered_at is not null""")
                .param("incident", incident).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void the_outbox_keeps_one_row_per_destination_claims_each_destination_apart_and_takes_an_id_once() {
        var outbox = new io.passerelle.integrationservice.cdevents.adapter.persistence.JdbcCdEventOutbox(jdbc, json,
                java.time.Clock.systemUTC(), List.of("sink:probe-a", "sink:probe-b"));
        var event = IncidentEvents.detected(new CdEvent.Origin(UUID.randomUUID().toString(), java.time.Instant.now(),
                "/passerelle"), new IncidentEvents.Opened(UUID.randomUUID(), service, "production", "down", "P2",
                null, null));
        tx.executeWithoutResult(s -> outbox.append(List.of(event)));
        tx.executeWithoutResult(s -> outbox.append(List.of(event)));

        var now = java.time.Instant.now().plusSeconds(1);
        List<io.passerelle.integrationservice.cdevents.port.CdEventDeliveries.Delivery> a =
                tx.execute(s -> outbox.claim("sink:probe-a", 10, now, Duration.ofMinutes(1)));
        assertThat(a).singleElement().satisfies(d -> {
            assertThat(d.id().toString()).isEqualTo(event.id());
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(json.readTree(d.body()).at("/context/type").asString())
                    .isEqualTo("dev.cdevents.incident.detected.0.3.0");
        });
        List<io.passerelle.integrationservice.cdevents.port.CdEventDeliveries.Delivery> again =
                tx.execute(s -> outbox.claim("sink:probe-a", 10, now, Duration.ofMinutes(1)));
        assertThat(again).isEmpty();
        assertThat(outbox.nextDue("sink:probe-a")).hasValueSatisfying(due -> assertThat(due).isAfter(now));
        List<io.passerelle.integrationservice.cdevents.port.CdEventDeliveries.Delivery> b =
                tx.execute(s -> outbox.claim("sink:probe-b", 10, now, Duration.ofMinutes(1)));
        assertThat(b).hasSize(1);

        tx.executeWithoutResult(s -> outbox.delivered(a.get(0), now));
        tx.executeWithoutResult(s -> outbox.failed(b.get(0), "the sink answered 400"));
        assertThat(outbox.nextDue("sink:probe-a")).isEmpty();
        assertThat(jdbc.sql("select failed_reason from cdevent_outbox where id = cast(:id as uuid) and destination = :d")
                .param("id", event.id()).param("d", "sink:probe-b").query(String.class).single())
                .isEqualTo("the sink answered 400");
    }
}
