package io.passerelle.releaseservice.deployment.adapter.persistence;

import java.util.UUID;

import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.deployment.IncidentRollback;
import io.passerelle.releaseservice.deployment.port.IncidentRollbacks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIncidentRollbacks implements IncidentRollbacks {

    private final JdbcClient jdbc;
    private final EventPublisher events;

    JdbcIncidentRollbacks(JdbcClient jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public boolean decided(UUID incidentId, UUID deploymentId) {
        return jdbc.sql("select exists (select 1 from incident_rollback where incident_id = :i and deployment_id = :d)")
                .param("i", incidentId).param("d", deploymentId).query(Boolean.class).single();
    }

    /** A second decision for the same incident and deployment breaks the primary key: the caller's retry skips it. */
    @Override
    public void save(IncidentRollback decision) {
        jdbc.sql("""
                insert into incident_rollback (incident_id, deployment_id, service, environment, asked_by, rollback_id,
                    declined_reason, decided_at)
                values (:incidentId, :deploymentId, :service, :environment, :askedBy, :rollbackId, :declinedReason,
                    :decidedAt)""")
                .param("incidentId", decision.incidentId())
                .param("deploymentId", decision.deploymentId())
                .param("service", decision.service())
                .param("environment", decision.environment())
                .param("askedBy", decision.askedBy().name())
                .param("rollbackId", decision.rollbackId())
                .param("declinedReason", decision.declinedReason())
                .param("decidedAt", SqlTime.of(decision.decidedAt()))
                .update();
        events.publish(decision.pullEvents());
    }
}
