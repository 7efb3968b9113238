package io.passerelle.platform.outbox;

import java.time.Clock;

import io.passerelle.platform.persistence.SqlTime;

import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.event.EventTypes;
import io.passerelle.platform.trace.TraceCarrier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores events in the service's own {@code outbox_event} table, inside the caller's transaction, with the trace
 * context of the work that caused them so that the relay's publication continues the same trace.
 */
class JdbcOutbox implements EventPublisher {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final String source;
    private final OutboxRelay relay;
    private final TraceCarrier traces;

    JdbcOutbox(JdbcClient jdbc, JsonMapper wire, Clock clock, String source, OutboxRelay relay, TraceCarrier traces) {
        this.jdbc = jdbc;
        this.json = wire;
        this.clock = clock;
        this.source = source;
        this.relay = relay;
        this.traces = traces;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(DomainEvent domainEvent) {
        var type = EventTypes.of(domainEvent.getClass());
        var event = CloudEvent.of(source, type, domainEvent.subject(), clock.instant(), json.valueToTree(domainEvent));
        jdbc.sql("""
                insert into outbox_event (id, type, subject, payload, created_at, trace_context)
                values (cast(:id as uuid), :type, :subject, cast(:payload as jsonb), :createdAt,
                        cast(:trace as jsonb))""")
                .param("id", event.id())
                .param("type", type)
                .param("subject", event.subject())
                .param("payload", json.writeValueAsString(event))
                .param("createdAt", SqlTime.of(event.time()))
                .param("trace", json.writeValueAsString(traces.current()))
                .update();
        relay.loop().wakeUpAfterCommit();
    }
}
