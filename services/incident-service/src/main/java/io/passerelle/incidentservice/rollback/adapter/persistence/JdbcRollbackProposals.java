package io.passerelle.incidentservice.rollback.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.rollback.RollbackProposal;
import io.passerelle.incidentservice.rollback.port.RollbackProposals;
import io.passerelle.incidentservice.timeline.port.Timeline;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRollbackProposals implements RollbackProposals {

    private final JdbcClient jdbc;
    private final Timeline timeline;

    JdbcRollbackProposals(JdbcClient jdbc, Timeline timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    @Override
    public boolean incidentKnown(UUID incidentId) {
        return jdbc.sql("select exists (select 1 from incident where id = :id)").param("id", incidentId)
                .query(Boolean.class).single();
    }

    @Override
    public boolean exists(UUID incidentId, UUID undoneDeploymentId) {
        return jdbc.sql("""
                select exists (select 1 from rollback_proposal
                               where incident_id = :incident and undone_deployment_id = :undone)""")
                .param("incident", incidentId).param("undone", undoneDeploymentId).query(Boolean.class).single();
    }

    @Override
    public Optional<RollbackProposal> lockByDeployment(UUID rollbackDeploymentId) {
        return jdbc.sql("select * from rollback_proposal where deployment_id = :id for update")
                .param("id", rollbackDeploymentId).query((rs, i) -> proposal(rs)).optional();
    }

    /** Inserts a new proposal or stores where a known one stands (what it is about never changes). */
    @Override
    public void save(RollbackProposal p) {
        jdbc.sql("""
                insert into rollback_proposal (incident_id, undone_deployment_id, deployment_id, environment,
                    restored_version, change_id, state, automatic, declined_reason, proposed_at, updated_at)
                values (:incident, :undone, :deployment, :environment, :version, :change, :state, :automatic,
                    :declinedReason, :proposedAt, :updatedAt)
                on conflict (incident_id, undone_deployment_id) do update set change_id = excluded.change_id,
                    state = excluded.state, updated_at = excluded.updated_at""")
                .param("incident", p.incidentId())
                .param("undone", p.undoneDeploymentId())
                .param("deployment", p.deploymentId(), Types.OTHER)
                .param("environment", p.environment())
                .param("version", p.restoredVersion())
                .param("change", p.changeId(), Types.OTHER)
                .param("state", p.state().name())
                .param("automatic", p.automatic())
                .param("declinedReason", p.declinedReason())
                .param("proposedAt", SqlTime.of(p.proposedAt()))
                .param("updatedAt", SqlTime.of(p.updatedAt()))
                .update();
        p.pullTimeline().forEach(timeline::append);
    }

    @Override
    public List<RollbackProposal> ofIncident(UUID incidentId) {
        return jdbc.sql("select * from rollback_proposal where incident_id = :id order by proposed_at, undone_deployment_id")
                .param("id", incidentId).query((rs, i) -> proposal(rs)).list();
    }

    private static RollbackProposal proposal(ResultSet rs) throws SQLException {
        return RollbackProposal.restore(rs.getObject("incident_id", UUID.class),
                rs.getObject("undone_deployment_id", UUID.class), rs.getObject("deployment_id", UUID.class),
                rs.getString("environment"), rs.getString("restored_version"), rs.getObject("change_id", UUID.class),
                RollbackProposal.State.valueOf(rs.getString("state")), rs.getBoolean("automatic"),
                rs.getString("declined_reason"), SqlTime.instant(rs, "proposed_at"),
                SqlTime.instant(rs, "updated_at"));
    }
}
