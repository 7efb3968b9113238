package io.passerelle.releaseservice.deployment.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.deployment.OpenedIncident;
import io.passerelle.releaseservice.deployment.port.OpenedIncidents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOpenedIncidents implements OpenedIncidents {

    private final JdbcClient jdbc;

    JdbcOpenedIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(OpenedIncident incident) {
        return jdbc.sql("""
                insert into incident_opened (incident_id, service, environment, title, opened_at)
                values (:id, :service, :environment, :title, :openedAt) on conflict do nothing""")
                .param("id", incident.incidentId())
                .param("service", incident.service())
                .param("environment", incident.environment())
                .param("title", incident.title())
                .param("openedAt", SqlTime.of(incident.openedAt()))
                .update() == 1;
    }

    @Override
    public Optional<OpenedIncident> firstBetween(String service, String environment, Instant from, Instant to) {
        return jdbc.sql("""
                select * from incident_opened
                where service = :service and environment = :environment and opened_at between :from and :to
                order by opened_at limit 1""")
                .param("service", service).param("environment", environment)
                .param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                .query((rs, i) -> new OpenedIncident(rs.getObject("incident_id", UUID.class), rs.getString("service"),
                        rs.getString("environment"), rs.getString("title"), SqlTime.instant(rs, "opened_at")))
                .optional();
    }
}
