package io.passerelle.integrationservice.gitlab.adapter.persistence;

import java.time.Instant;

import io.passerelle.integrationservice.gitlab.port.GitlabDeliveries;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcGitlabDeliveries implements GitlabDeliveries {

    private final JdbcClient jdbc;

    JdbcGitlabDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(String idempotencyKey, String event, String service, Instant receivedAt) {
        return jdbc.sql("""
                insert into gitlab_delivery (idempotency_key, event, service, received_at)
                values (:key, :event, :service, :at) on conflict (idempotency_key) do nothing""")
                .param("key", idempotencyKey)
                .param("event", event)
                .param("service", service)
                .param("at", SqlTime.of(receivedAt))
                .update() == 1;
    }
}
