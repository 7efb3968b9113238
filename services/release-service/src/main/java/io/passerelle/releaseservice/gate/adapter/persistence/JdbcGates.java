package io.passerelle.releaseservice.gate.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.gate.Callback;
import io.passerelle.releaseservice.gate.Evidence;
import io.passerelle.releaseservice.gate.Gate;
import io.passerelle.releaseservice.gate.GateDecision;
import io.passerelle.releaseservice.gate.GateOutcome;
import io.passerelle.releaseservice.gate.port.Gates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A gate is its row and its deployment's: what, where, by whom, in which run, the change and the outcome. */
@Repository
class JdbcGates implements Gates {

    private static final String SELECT = """
            select g.*, d.service, d.environment, d.commit_sha, d.version, d.run_url, d.requested_by, d.change_id,
                   d.state
            from gate g join deployment d on d.id = g.deployment_id
            """;

    private final JdbcClient jdbc;
    private final EventPublisher events;

    JdbcGates(JdbcClient jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Inserts a new gate or stores the decision of a known one (nothing else changes), then its events. */
    @Override
    public void save(Gate gate) {
        var callback = gate.callback();
        jdbc.sql("""
                insert into gate (id, deployment_id, opened_by, test_report_url, artifact_digest, callback_url,
                    callback_secret_sealed, decision, reason, decided_at, proceed_at, opened_at)
                values (:id, :deploymentId, :openedBy, :testReportUrl, :artifactDigest, :callbackUrl,
                    :callbackSecretSealed, :decision, :reason, :decidedAt, :proceedAt, :openedAt)
                on conflict (id) do update set decision = excluded.decision, reason = excluded.reason,
                    decided_at = excluded.decided_at, proceed_at = excluded.proceed_at""")
                .param("id", gate.id())
                .param("deploymentId", gate.deploymentId())
                .param("openedBy", gate.openedBy())
                .param("testReportUrl", gate.evidence().testReportUrl())
                .param("artifactDigest", gate.evidence().artifactDigest())
                .param("callbackUrl", callback == null ? null : callback.url())
                .param("callbackSecretSealed", callback == null ? null : callback.secretSealed())
                .param("decision", gate.decision().name())
                .param("reason", gate.reason())
                .param("decidedAt", SqlTime.ofNullable(gate.decidedAt()))
                .param("proceedAt", SqlTime.ofNullable(gate.proceedAt()))
                .param("openedAt", SqlTime.of(gate.openedAt()))
                .update();
        events.publish(gate.pullEvents());
    }

    @Override
    public Optional<Gate> byId(UUID id) {
        return jdbc.sql(SELECT + "where g.id = :id").param("id", id).query((rs, i) -> gate(rs)).optional();
    }

    @Override
    public Optional<Gate> lock(UUID id) {
        return jdbc.sql(SELECT + "where g.id = :id for update of g").param("id", id).query((rs, i) -> gate(rs))
                .optional();
    }

    @Override
    public Optional<Gate> lockByDeployment(UUID deploymentId) {
        return jdbc.sql(SELECT + "where g.deployment_id = :id for update of g").param("id", deploymentId)
                .query((rs, i) -> gate(rs)).optional();
    }

    @Override
    public Optional<Gate> openFor(UUID releaseId, String environment, String runUrl, String openedBy) {
        return jdbc.sql(SELECT + """
                where d.release_id = :release and d.environment = :environment and d.run_url = :runUrl
                  and g.opened_by = :openedBy and d.state in ('PLANNED', 'IN_PROGRESS')
                order by g.opened_at desc limit 1""")
                .param("release", releaseId)
                .param("environment", environment)
                .param("runUrl", runUrl)
                .param("openedBy", openedBy)
                .query((rs, i) -> gate(rs)).optional();
    }

    private static Gate gate(ResultSet rs) throws SQLException {
        var callbackUrl = rs.getString("callback_url");
        var state = rs.getString("state");
        return Gate.restore(rs.getObject("id", UUID.class), rs.getObject("deployment_id", UUID.class),
                rs.getString("service"), rs.getString("environment"), rs.getString("commit_sha"),
                rs.getString("version"), rs.getString("run_url"), rs.getString("requested_by"),
                rs.getString("opened_by"), new Evidence(rs.getString("test_report_url"), rs.getString("artifact_digest")),
                callbackUrl == null ? null : new Callback(callbackUrl, rs.getString("callback_secret_sealed")),
                SqlTime.instant(rs, "opened_at"), GateDecision.valueOf(rs.getString("decision")),
                rs.getObject("change_id", UUID.class), rs.getString("reason"), SqlTime.nullableInstant(rs, "decided_at"),
                SqlTime.nullableInstant(rs, "proceed_at"),
                "SUCCEEDED".equals(state) ? GateOutcome.SUCCEEDED : "FAILED".equals(state) ? GateOutcome.FAILED : null);
    }
}
