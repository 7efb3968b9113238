package io.passerelle.incidentservice.rollback.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.rollback.RollbackProposal;
import io.passerelle.incidentservice.rollback.RollbackStep;
import io.passerelle.incidentservice.rollback.port.RollbackProposals;
import io.passerelle.incidentservice.timeline.port.Timeline;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
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

    /** A transaction-scoped advisory lock on the deployment id (its two halves folded into one key). */
    @Override
    public void lock(UUID deploymentId) {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", deploymentId.getMostSignificantBits() ^ deploymentId.getLeastSignificantBits())
                .query((rs, i) -> 1).single();
    }

    @Override
    public Optional<RollbackProposal> byDeployment(UUID rollbackDeploymentId) {
        return jdbc.sql("select * from rollback_proposal where deployment_id = :id")
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

    @Override
    public void planned(UUID deploymentId) {
        jdbc.sql("insert into planned_deployment (deployment_id) values (:id) on conflict do nothing")
                .param("id", deploymentId).update();
    }

    @Override
    public boolean wasPlanned(UUID deploymentId) {
        return jdbc.sql("select exists (select 1 from planned_deployment where deployment_id = :id)")
                .param("id", deploymentId).query(Boolean.class).single();
    }

    /** One step of a kind per deployment: the same step told again is already held. */
    @Override
    public void hold(UUID deploymentId, RollbackStep step) {
        var row = new java.util.HashMap<String, @Nullable Object>();
        row.put("step", name(step));
        switch (step) {
            case RollbackStep.ChangeRaised s -> {
                row.put("change", s.changeId());
                row.put("type", s.type());
                row.put("atOnce", s.authorizedAtOnce());
            }
            case RollbackStep.ChangeAuthorized s -> {
                row.put("change", s.changeId());
                row.put("actor", s.by());
            }
            case RollbackStep.ChangeRejected s -> {
                row.put("change", s.changeId());
                row.put("actor", s.by());
                row.put("reason", s.reason());
            }
            case RollbackStep.RolledBack s -> row.put("version", s.version());
            case RollbackStep.Failed s -> row.put("reason", s.reason());
        }
        jdbc.sql("""
                insert into rollback_step_held (deployment_id, step, change_id, change_type, at_once, actor, reason,
                    version, at)
                values (:deployment, :step, :change, :type, :atOnce, :actor, :reason, :version, :at)
                on conflict do nothing""")
                .param("deployment", deploymentId)
                .param("step", row.get("step"))
                .param("change", row.get("change"), Types.OTHER)
                .param("type", row.get("type"), Types.VARCHAR)
                .param("atOnce", row.get("atOnce"), Types.BOOLEAN)
                .param("actor", row.get("actor"), Types.VARCHAR)
                .param("reason", row.get("reason"), Types.VARCHAR)
                .param("version", row.get("version"), Types.VARCHAR)
                .param("at", SqlTime.of(step.at()))
                .update();
    }

    @Override
    public List<RollbackStep> held(UUID deploymentId) {
        return jdbc.sql("select * from rollback_step_held where deployment_id = :id").param("id", deploymentId)
                .query((rs, i) -> step(rs)).list().stream()
                .sorted(Comparator.comparingInt(RollbackStep::follows).thenComparing(RollbackStep::at)).toList();
    }

    @Override
    public void release(UUID deploymentId, @Nullable RollbackStep step) {
        jdbc.sql("delete from rollback_step_held where deployment_id = :id and (cast(:step as text) is null or step = :step)")
                .param("id", deploymentId).param("step", step == null ? null : name(step), Types.VARCHAR).update();
    }

    private static String name(RollbackStep step) {
        return switch (step) {
            case RollbackStep.ChangeRaised s -> "CHANGE_RAISED";
            case RollbackStep.ChangeAuthorized s -> "CHANGE_AUTHORIZED";
            case RollbackStep.ChangeRejected s -> "CHANGE_REJECTED";
            case RollbackStep.RolledBack s -> "ROLLED_BACK";
            case RollbackStep.Failed s -> "FAILED";
        };
    }

    private static RollbackStep step(ResultSet rs) throws SQLException {
        var at = SqlTime.instant(rs, "at");
        var change = rs.getObject("change_id", UUID.class);
        return switch (rs.getString("step")) {
            case "CHANGE_RAISED" -> new RollbackStep.ChangeRaised(Objects.requireNonNull(change),
                    rs.getString("change_type"), rs.getBoolean("at_once"), at);
            case "CHANGE_AUTHORIZED" -> new RollbackStep.ChangeAuthorized(Objects.requireNonNull(change),
                    rs.getString("actor"), at);
            case "CHANGE_REJECTED" -> new RollbackStep.ChangeRejected(Objects.requireNonNull(change),
                    rs.getString("actor"), rs.getString("reason"), at);
            case "ROLLED_BACK" -> new RollbackStep.RolledBack(rs.getString("version"), at);
            case "FAILED" -> new RollbackStep.Failed(rs.getString("reason"), at);
            default -> throw new IllegalStateException("unknown held step " + rs.getString("step"));
        };
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
