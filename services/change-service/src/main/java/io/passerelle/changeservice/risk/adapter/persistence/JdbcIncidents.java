package io.passerelle.changeservice.risk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.changeservice.risk.Incident;
import io.passerelle.changeservice.risk.port.Incidents;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projection of incidents, one row per incident. Opening and resolution each upsert their own columns, so the
 * two events converge to the same row in either order, and a repeated one changes nothing; a reopening clears a
 * resolution older than itself, and the later of two resolutions stays.
 */
@Repository
class JdbcIncidents implements Incidents {

    private final JdbcClient jdbc;

    JdbcIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void opened(Incident incident) {
        jdbc.sql("""
                insert into incident_projection (incident_id, service, environment, priority, opened_at)
                values (:id, :service, :environment, :priority, :openedAt)
                on conflict (incident_id) do update set priority = excluded.priority, opened_at = excluded.opened_at""")
                .param("id", incident.id()).param("service", incident.service())
                .param("environment", incident.environment()).param("priority", incident.priority())
                .param("openedAt", SqlTime.of(incident.openedAt()))
                .update();
    }

    @Override
    public void resolved(UUID incidentId, String service, String environment, Instant resolvedAt) {
        jdbc.sql("""
                insert into incident_projection (incident_id, service, environment, resolved_at)
                values (:id, :service, :environment, :resolvedAt)
                on conflict (incident_id) do update
                    set resolved_at = greatest(incident_projection.resolved_at, excluded.resolved_at)""")
                .param("id", incidentId).param("service", service).param("environment", environment)
                .param("resolvedAt", SqlTime.of(resolvedAt))
                .update();
    }

    @Override
    public void reopened(UUID incidentId, String service, String environment, Instant reopenedAt) {
        jdbc.sql("""
                insert into incident_projection (incident_id, service, environment)
                values (:id, :service, :environment)
                on conflict (incident_id) do update set resolved_at = null
                where incident_projection.resolved_at <= :reopenedAt""")
                .param("id", incidentId).param("service", service).param("environment", environment)
                .param("reopenedAt", SqlTime.of(reopenedAt))
                .update();
    }

    @Override
    public List<Incident> openOn(String service, String environment) {
        return jdbc.sql("""
                select incident_id, service, environment, priority, opened_at from incident_projection
                where service = :service and environment = :environment and resolved_at is null
                  and priority is not null
                order by opened_at, incident_id""")
                .param("service", service).param("environment", environment)
                .query((rs, n) -> new Incident(rs.getObject("incident_id", UUID.class), rs.getString("service"),
                        rs.getString("environment"), rs.getString("priority"), SqlTime.instant(rs, "opened_at")))
                .list();
    }
}
