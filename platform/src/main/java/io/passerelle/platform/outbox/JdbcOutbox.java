package io.passerelle.platform.outbox;

import java.time.Clock;

import io.passerelle.platform.event.CloudEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Stores events in the service's own {@code outbox_event} table, inside the caller's transaction. */
class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final String source;
    private final OutboxRelay relay;

    JdbcOutbox(JdbcClient jdbc, JsonMapper json, Clock clock, String source, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.source = source;
        this.relay = relay;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String type, String subject, Object data) {
        var event = CloudEvent.of(source, type, subject, clock.instant(), json.valueToTree(data));
        jdbc.sql("""
                insert into outbox_event (id, type, subject, payload, created_at)
                values (cast(:id as uuid), :type, :subject, cast(:payload as jsonb), :createdAt)""")
                .param("id", event.id())
                .param("type", type)
                .param("subject", subject)
                .param("payload", json.writeValueAsString(event))
                .param("createdAt", java.sql.Timestamp.from(event.time()))
                .update();
        relay.loop().wakeUpAfterCommit();
    }
}
