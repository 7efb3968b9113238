package io.passerelle.integrationservice.github.adapter.persistence;

import java.time.Instant;

import io.passerelle.integrationservice.github.port.Deliveries;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeliveries implements Deliveries {

    private final JdbcClient jdbc;

    JdbcDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(String deliveryId, String event, String service, Instant receivedAt) {
        return jdbc.sql("""
                insert into github_delivery (delivery_id, event, service, received_at)
                values (:id, :event, :service, :at) on conflict (delivery_id) do nothing""")
                .param("id", deliveryId)
                .param("event", event)
                .param("service", service)
                .param("at", SqlTime.of(receivedAt))
                .update() == 1;
    }
}
