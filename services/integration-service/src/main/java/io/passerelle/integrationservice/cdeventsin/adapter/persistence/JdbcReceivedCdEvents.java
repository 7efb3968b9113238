package io.passerelle.integrationservice.cdeventsin.adapter.persistence;

import java.time.Instant;

import io.passerelle.integrationservice.cdeventsin.port.ReceivedCdEvents;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReceivedCdEvents implements ReceivedCdEvents {

    private final JdbcClient jdbc;

    JdbcReceivedCdEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(String source, String id, String type, String sender, Instant receivedAt) {
        return jdbc.sql("""
                insert into cdevent_received (source, id, type, sender, received_at)
                values (:source, :id, :type, :sender, :at) on conflict (source, id) do nothing""")
                .param("source", source)
                .param("id", id)
                .param("type", type)
                .param("sender", sender)
                .param("at", SqlTime.of(receivedAt))
                .update() == 1;
    }
}
