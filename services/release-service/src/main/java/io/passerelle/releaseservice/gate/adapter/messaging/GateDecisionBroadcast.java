package io.passerelle.releaseservice.gate.adapter.messaging;

import java.util.UUID;
import java.util.function.Consumer;

import io.passerelle.platform.event.CloudEvent;
import io.passerelle.releaseservice.gate.GateWaiters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every instance's ear for gate.decided.v1: the binder binds this function as {@code gateDecisions-in-0}, WITHOUT a
 * consumer group, so each instance has its own anonymous, exclusive, auto-delete queue bound to that routing key on
 * the events exchange, and every instance hears every decision — whichever instance applied it, and wherever the
 * pipeline's long-poll landed. It only wakes this instance's waiters of that gate, who read the decision from the
 * database; it writes nothing, so it is outside the idempotent inbox (a repeat wakes nobody, a lost message leaves a
 * waiter to answer at the end of its wait). A message it cannot read is logged and dropped, never retried.
 */
@Component(GateDecisionBroadcast.FUNCTION)
class GateDecisionBroadcast implements Consumer<Message<byte[]>> {

    /** The function name, as in {@code spring.cloud.function.definition} and the binding's name. */
    static final String FUNCTION = "gateDecisions";
    static final String TYPE = "gate.decided.v1";
    private static final Logger log = LoggerFactory.getLogger(GateDecisionBroadcast.class);

    private final GateWaiters waiters;
    private final JsonMapper json;

    GateDecisionBroadcast(GateWaiters waiters, JsonMapper json) {
        this.waiters = waiters;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Override
    public void accept(Message<byte[]> message) {
        try {
            var event = json.readValue(message.getPayload(), CloudEvent.class).requireValid();
            if (!TYPE.equals(event.type())) {
                log.debug("Ignored {} {} on the gate decision broadcast", event.type(), event.id());
                return;
            }
            waiters.wake(UUID.fromString(event.data().get("gateId").asString()));
        } catch (RuntimeException e) {
            log.warn("Dropped an unreadable gate decision broadcast: {}", e.toString());
        }
    }
}
