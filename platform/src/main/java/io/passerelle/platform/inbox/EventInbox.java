package io.passerelle.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.passerelle.platform.event.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one consumer of a service's queue: parses the CloudEvent, and in one transaction records it as processed
 * and runs the declared handler of its type. A redelivered event finds its row and is acknowledged without effect.
 * A handler that throws rolls everything back; the binder retries a bounded number of times, then the message
 * goes to the queue's DLQ. Types without a handler are acknowledged and ignored (tolerant reader).
 * <p>
 * Each event is observed as {@code passerelle.inbox} (a timer tagged with the event type and the outcome,
 * {@code handled}, {@code duplicate} or {@code failed}, and a consumer span that continues the trace the message carries).
 */
public class EventInbox implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final Map<String, DeclaredHandlers.Handler> handlers;
    private final ProcessedMessages processed;
    private final TransactionTemplate tx;
    /** Tolerant: extension attributes and fields the consumer does not use are ignored. */
    private final JsonMapper json;
    private final String consumer;
    private final ObservationRegistry observations;

    EventInbox(Map<String, DeclaredHandlers.Handler> handlers, ProcessedMessages processed, TransactionTemplate tx,
            JsonMapper json, String consumer, ObservationRegistry observations) {
        this.handlers = Map.copyOf(handlers);
        this.processed = processed;
        this.tx = tx;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.consumer = consumer;
        this.observations = observations;
    }

    /** The body is the whole CloudEvent (JSON event format); anything else is malformed and goes to the DLQ. */
    private CloudEvent parse(Message<byte[]> message) {
        byte[] payload = message.getPayload();
        try {
            return json.readValue(payload, CloudEvent.class).requireValid();
        } catch (RuntimeException e) {
            var text = new String(payload, 0, Math.min(payload.length, 300), StandardCharsets.UTF_8);
            throw new IllegalArgumentException("malformed CloudEvent (" + e.getMessage() + "): " + text, e);
        }
    }

    @Override
    public void accept(Message<byte[]> message) {
        var envelope = parse(message);
        var handler = handlers.get(envelope.type());
        if (handler == null) {
            log.debug("No handler for {} ({}); ignored", envelope.type(), envelope.id());
            return;
        }
        var context = new ReceiverContext<Message<byte[]>>((carrier, key) -> {
            var value = carrier.getHeaders().get(key);
            return value == null ? null : value.toString();
        });
        context.setCarrier(message);
        context.setRemoteServiceName("rabbitmq");
        var observation = Observation.createNotStarted("passerelle.inbox", () -> context, observations)
                .contextualName("handle " + envelope.type())
                .lowCardinalityKeyValue("event.type", envelope.type())
                .lowCardinalityKeyValue("outcome", "failed")
                .highCardinalityKeyValue("messaging.message.id", envelope.id());
        observation.observe(() -> tx.executeWithoutResult(status -> {
            if (!processed.markProcessed(consumer, envelope.id(), envelope.type())) {
                log.info("Event {} ({}) already processed by {}; acknowledged without effect", envelope.id(),
                        envelope.type(), consumer);
                observation.lowCardinalityKeyValue("outcome", "duplicate");
                return;
            }
            observation.lowCardinalityKeyValue("outcome", "handled");
            handler.handle(new InboundEvent(envelope, json));
        }));
    }
}
