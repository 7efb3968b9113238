package io.passerelle.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.outbox.OutboxRelay;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sees every event on the bus (its own auto-delete queue bound with {@code #}) and publishes events as another
 * service would, so that a service's integration test drives it through RabbitMQ only.
 */
public class EventProbe implements AutoCloseable {

    private final List<CloudEvent> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> traceparents = new java.util.concurrent.ConcurrentHashMap<>();
    private final RabbitTemplate rabbit;
    private final JsonMapper json;
    private final String exchange;
    private final SimpleMessageListenerContainer container;

    EventProbe(ConnectionFactory connectionFactory, JsonMapper json, String exchange) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.exchange = exchange;
        this.rabbit = new RabbitTemplate(connectionFactory);
        var admin = new RabbitAdmin(connectionFactory);
        var topic = new TopicExchange(exchange, true, false);
        // exclusive, auto-delete; AnonymousQueue would add x-queue-leader-locator, which RabbitMQ 3.10 refuses
        var queue = new Queue("probe." + java.util.UUID.randomUUID(), false, true, true);
        admin.declareExchange(topic);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(topic).with("#"));
        container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueues(queue);
        container.setMessageListener((Message m) -> {
            var event = this.json.readValue(m.getBody(), CloudEvent.class);
            var traceparent = m.getMessageProperties().getHeader("traceparent");
            if (traceparent != null) {
                traceparents.put(event.id(), traceparent.toString());
            }
            received.add(event);
        });
        container.start();
    }

    /**
     * Publishes an event as its producer would: CloudEvent body, routing key = type. Returns the event. Its data must
     * conform to {@code api-specs/events/<type>.json}, so a test cannot feed a consumer an event no producer may send.
     */
    public CloudEvent publish(String type, String subject, Object data) {
        var event = CloudEvent.of("/passerelle/test", type, subject, Instant.now(), json.valueToTree(data));
        publish(event);
        return event;
    }

    /** Publishes a prepared envelope (again, e.g. a duplicate delivery); it must conform to its schema. */
    public void publish(CloudEvent event) {
        send(EventContracts.assertConforms(event));
    }

    /**
     * Publishes an event without checking it against a schema: for event types outside the contract (the platform's
     * own tests) and for data a test makes malformed on purpose.
     */
    public CloudEvent publishUnchecked(String type, String subject, Object data) {
        var event = CloudEvent.of("/passerelle/test", type, subject, Instant.now(), json.valueToTree(data));
        send(event);
        return event;
    }

    public void publishUnchecked(CloudEvent event) {
        send(event);
    }

    /** Like {@link #publishUnchecked(String, String, Object)}, carrying a W3C {@code traceparent} as a traced producer would. */
    public CloudEvent publishUnchecked(String type, String subject, Object data, String traceparent) {
        var event = CloudEvent.of("/passerelle/test", type, subject, Instant.now(), json.valueToTree(data));
        send(event, Map.of("traceparent", traceparent));
        return event;
    }

    /** The W3C {@code traceparent} the event's message carried, if any. */
    public java.util.Optional<String> traceparentOf(CloudEvent event) {
        return java.util.Optional.ofNullable(traceparents.get(event.id()));
    }

    private void send(CloudEvent event) {
        send(event, Map.of());
    }

    private void send(CloudEvent event, Map<String, String> headers) {
        var properties = new MessageProperties();
        headers.forEach(properties::setHeader);
        properties.setContentType(CloudEvent.CONTENT_TYPE);
        properties.setMessageId(event.id());
        properties.setHeader(OutboxRelay.EVENT_TYPE_HEADER, event.type());
        rabbit.send(exchange, event.type(), new Message(json.writeValueAsBytes(event), properties));
    }

    public void publishRaw(String type, String body) {
        var properties = new MessageProperties();
        properties.setContentType(CloudEvent.CONTENT_TYPE);
        properties.setHeader(OutboxRelay.EVENT_TYPE_HEADER, type);
        rabbit.send(exchange, type, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }

    /** Waits up to 15 s for an event of that type whose data matches. */
    public CloudEvent await(String type, Predicate<JsonNode> data) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> received.stream().filter(e -> e.type().equals(type) && data.test(e.data())).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    public List<CloudEvent> received(String type, Predicate<JsonNode> data) {
        return received.stream().filter(e -> e.type().equals(type) && data.test(e.data())).toList();
    }

    public List<CloudEvent> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        container.stop();
    }
}
