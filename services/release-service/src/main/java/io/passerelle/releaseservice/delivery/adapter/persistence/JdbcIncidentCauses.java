package io.passerelle.releaseservice.delivery.adapter.persistence;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.delivery.port.IncidentCauses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code incident_cause} and {@code incident_resolution} (V10), written as incident-service's events arrive. */
@Repository
class JdbcIncidentCauses implements IncidentCauses {

    private final JdbcClient jdbc;

    JdbcIncidentCauses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean confirmed(UUID incidentId, UUID deploymentId, Instant confirmedAt) {
        return jdbc.sql("""
                insert into incident_cause (incident_id, deployment_id, confirmed_at) values (:incident, :deployment, :at)
                on conflict (incident_id, deployment_id) do nothing""")
                .param("incident", incidentId).param("deployment", deploymentId).param("at", SqlTime.of(confirmedAt))
                .update() == 1;
    }

    /** The latest resolution stays, whatever order the notices of a resolution, a reopening and another arrive in. */
    @Override
    public void resolved(UUID incidentId, Instant resolvedAt) {
        jdbc.sql("""
                insert into incident_resolution (incident_id, resolved_at) values (:incident, :at)
                on conflict (incident_id) do update set resolved_at = greatest(incident_resolution.resolved_at,
                                                                               excluded.resolved_at)""")
                .param("incident", incidentId).param("at", SqlTime.of(resolvedAt))
                .update();
    }
}
