package io.passerelle.integrationservice.cdevents.adapter.amqp;

import io.passerelle.integrationservice.cdevents.port.CdEventDeliveries.Delivery;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A CDEvent in a CloudEvents 1.0 JSON envelope, as the CDEvents CloudEvents binding maps it: {@code id},
 * {@code source}, {@code type}, {@code time} from the context, {@code subject} the subject's id, the CDEvent as
 * {@code data}.
 */
final class StructuredCloudEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StructuredCloudEvent() {
    }

    static String of(Delivery delivery) {
        var envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", delivery.id().toString());
        envelope.put("source", delivery.source());
        envelope.put("type", delivery.type());
        envelope.put("subject", delivery.subject());
        envelope.put("time", delivery.time().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", JSON.readTree(delivery.body()));
        return JSON.writeValueAsString(envelope);
    }
}
