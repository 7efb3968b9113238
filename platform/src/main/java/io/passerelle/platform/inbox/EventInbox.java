package io.passerelle.platform.inbox;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import java.nio.charset.StandardCharsets;

import io.passerelle.platform.event.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one consumer of a service's queue: parses the CloudEvent, and in one transaction records it as processed
 * and runs the handler for its type. A redelivered event finds its row and is acknowledged without effect.
 * A handler that throws rolls everything back; the binder retries a bounded number of times, then the message
 * goes to the queue's DLQ. Types without a handler are acknowledged and ignored (tolerant reader).
 */
public class EventInbox implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final Map<String, EventHandler> handlers;
    private final ProcessedMessages processed;
    private final TransactionTemplate tx;
    /** Tolerant: extension attributes and fields the consumer does not use are ignored. */
    private final JsonMapper json;
    private final String consumer;

    EventInbox(Iterable<EventHandler> handlers, ProcessedMessages processed, TransactionTemplate tx, JsonMapper json,
            String consumer) {
        this.handlers = java.util.stream.StreamSupport.stream(handlers.spliterator(), false)
                .collect(Collectors.toUnmodifiableMap(EventHandler::type, h -> h));
        this.processed = processed;
        this.tx = tx;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.consumer = consumer;
    }

    public java.util.Set<String> handledTypes() {
        return handlers.keySet();
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
        tx.executeWithoutResult(status -> {
            if (!processed.markProcessed(consumer, envelope.id(), envelope.type())) {
                log.info("Event {} ({}) already processed by {}; acknowledged without effect", envelope.id(),
                        envelope.type(), consumer);
                return;
            }
            handler.handle(new InboundEvent(envelope, json));
        });
    }
}
