package io.passerelle.releaseservice.deployment.adapter.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.AfterCommit;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.deployment.Deployment;
import io.passerelle.releaseservice.deployment.DeploymentFailed;
import io.passerelle.releaseservice.deployment.DeploymentSucceeded;
import io.passerelle.releaseservice.deployment.DeploymentState;
import io.passerelle.releaseservice.deployment.Executor;
import io.passerelle.releaseservice.deployment.Rollback;
import io.passerelle.releaseservice.deployment.port.Deployments;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcDeployments implements Deployments {

    /** Deployments that finished, by service, environment and outcome; counted once their outcome is committed. */
    static final String FINISHED = "passerelle.deployments.finished";

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final MeterRegistry meters;
    private final JsonMapper json;

    JdbcDeployments(JdbcClient jdbc, EventPublisher events, MeterRegistry meters, JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.meters = meters;
        this.json = json;
    }

    /**
     * Inserts a new deployment or stores the state of a known one (the rest never changes), then its events; an
     * outcome among them is counted ({@value #FINISHED}) when the transaction commits.
     */
    @Override
    public void save(Deployment d) {
        jdbc.sql("""
                insert into deployment (id, release_id, service, environment, version, commit_sha, requires_approval,
                    executor, target_type, target_url, target_settings, target_credential_sealed, requested_by, run_url, kind, rollback_of, rollback_reason,
                    emergency, rollback_incident_id, rollback_automatic, state, change_id, reason, planned_at, started_at, finished_at,
                    deployment_timeout_seconds, deadline)
                values (:id, :releaseId, :service, :environment, :version, :commitSha, :requiresApproval,
                    :executor, :targetType, :targetUrl, cast(:targetSettings as jsonb), :targetCredential, :requestedBy, :runUrl, :kind, :rollbackOf, :rollbackReason,
                    :emergency, :rollbackIncident, :rollbackAutomatic, :state, :changeId, :reason, :plannedAt, :startedAt, :finishedAt, :timeout, :deadline)
                on conflict (id) do update set state = excluded.state, change_id = excluded.change_id,
                    reason = excluded.reason, started_at = excluded.started_at, finished_at = excluded.finished_at,
                    deadline = excluded.deadline""")
                .param("id", d.id())
                .param("releaseId", d.releaseId())
                .param("service", d.service())
                .param("environment", d.environment())
                .param("version", d.version())
                .param("commitSha", d.commitSha())
                .param("requiresApproval", d.requiresApproval())
                .param("executor", d.executor().name())
                .param("targetType", d.target() == null ? null : d.target().type())
                .param("targetUrl", d.target() == null ? null : d.target().url().toString())
                .param("targetSettings", d.target() == null ? null : json.writeValueAsString(d.target().settings()))
                .param("targetCredential", d.target() == null ? null : d.target().credentialSealed())
                .param("requestedBy", d.requestedBy())
                .param("runUrl", d.runUrl())
                .param("kind", d.kind().name())
                .param("rollbackOf", d.rollback() == null ? null : d.rollback().of())
                .param("rollbackReason", d.rollback() == null ? null : d.rollback().reason())
                .param("emergency", d.rollback() != null && d.rollback().emergency())
                .param("rollbackIncident", d.rollback() == null ? null : d.rollback().incidentId())
                .param("rollbackAutomatic", d.rollback() != null && d.rollback().automatic())
                .param("state", d.state().name())
                .param("changeId", d.changeId())
                .param("reason", d.reason())
                .param("plannedAt", SqlTime.of(d.plannedAt()))
                .param("startedAt", SqlTime.ofNullable(d.startedAt()))
                .param("finishedAt", SqlTime.ofNullable(d.finishedAt()))
                .param("timeout", d.timeout().toSeconds())
                .param("deadline", SqlTime.ofNullable(d.deadline()))
                .update();
        var pulled = d.pullEvents();
        events.publish(pulled);
        for (var event : pulled) {
            if (event instanceof DeploymentSucceeded || event instanceof DeploymentFailed) {
                var counter = Counter.builder(FINISHED).description("Deployments that finished, by outcome")
                        .tags("service", d.service(), "environment", d.environment(),
                                "outcome", event instanceof DeploymentSucceeded ? "succeeded" : "failed")
                        .register(meters);
                AfterCommit.run(counter::increment);
            }
        }
    }

    @Override
    public Optional<Deployment> lock(UUID id) {
        return jdbc.sql("select * from deployment where id = :id for update").param("id", id)
                .query((rs, i) -> deployment(rs)).optional();
    }

    @Override
    public Optional<Deployment> byId(UUID id) {
        return jdbc.sql("select * from deployment where id = :id").param("id", id)
                .query((rs, i) -> deployment(rs)).optional();
    }

    /** Through the partial index {@code deployment_due}; rows another transaction holds are skipped. */
    @Override
    public List<Deployment> lockOverdue(Instant now, int limit) {
        return jdbc.sql("""
                select * from deployment
                where state = 'IN_PROGRESS' and deadline <= :now
                order by deadline limit :limit for update skip locked""")
                .param("now", SqlTime.of(now))
                .param("limit", limit)
                .query((rs, i) -> deployment(rs)).list();
    }

    @Override
    public Optional<Instant> nextDeadline() {
        return jdbc.sql("select min(deadline) as due from deployment where state = 'IN_PROGRESS'")
                .query((rs, i) -> Optional.ofNullable(SqlTime.nullableInstant(rs, "due"))).single();
    }

    @Override
    public List<Deployment> newestFirst(@Nullable String service, @Nullable String environment) {
        return jdbc.sql("""
                select * from deployment
                where (cast(:service as text) is null or service = :service)
                  and (cast(:environment as text) is null or environment = :environment)
                order by planned_at desc, id""")
                .param("service", service)
                .param("environment", environment)
                .query((rs, i) -> deployment(rs)).list();
    }

    @Override
    public Optional<Deployment> forward(UUID releaseId, String environment) {
        return jdbc.sql("select * from deployment where release_id = :releaseId and environment = :environment"
                        + " and kind = 'DEPLOY' and executor = 'TARGET'")
                .param("releaseId", releaseId).param("environment", environment)
                .query((rs, i) -> deployment(rs)).optional();
    }

    @Override
    public Optional<Deployment> lastSucceededBefore(String service, String environment, Instant before,
            UUID otherThan) {
        return jdbc.sql("""
                select * from deployment
                where service = :service and environment = :environment and state = 'SUCCEEDED'
                  and finished_at < :before and release_id <> :otherThan
                order by finished_at desc limit 1""")
                .param("service", service).param("environment", environment)
                .param("before", SqlTime.of(before)).param("otherThan", otherThan)
                .query((rs, i) -> deployment(rs)).optional();
    }

    @Override
    public Optional<Deployment> liveRollbackOf(UUID deploymentId) {
        return jdbc.sql("select * from deployment where rollback_of = :id and state not in ('FAILED', 'CANCELLED')")
                .param("id", deploymentId).query((rs, i) -> deployment(rs)).optional();
    }

    /** Through {@code deployment_by_service}. */
    @Override
    public Optional<Deployment> newestIn(String service, String environment) {
        return jdbc.sql("""
                select * from deployment
                where service = :service and environment = :environment and state <> 'CANCELLED'
                order by planned_at desc, id limit 1""")
                .param("service", service).param("environment", environment)
                .query((rs, i) -> deployment(rs)).optional();
    }

    /** Through {@code deployment_finished}. */
    @Override
    public Optional<Deployment> lastFinishedBy(String service, String environment, Instant at) {
        return jdbc.sql("""
                select * from deployment
                where service = :service and environment = :environment and state in ('SUCCEEDED', 'FAILED')
                  and finished_at <= :at
                order by finished_at desc, id limit 1""")
                .param("service", service).param("environment", environment).param("at", SqlTime.of(at))
                .query((rs, i) -> deployment(rs)).optional();
    }

    private static @Nullable Rollback rollback(ResultSet rs) throws SQLException {
        var of = rs.getObject("rollback_of", UUID.class);
        return of == null ? null : new Rollback(of, rs.getString("rollback_reason"), rs.getBoolean("emergency"),
                rs.getObject("rollback_incident_id", UUID.class), rs.getBoolean("rollback_automatic"));
    }

    private Deployment deployment(ResultSet rs) throws SQLException {
        var targetUrl = rs.getString("target_url");
        return Deployment.restore(rs.getObject("id", UUID.class), rs.getObject("release_id", UUID.class),
                rs.getString("service"), rs.getString("environment"), rs.getString("version"),
                rs.getString("commit_sha"), rs.getBoolean("requires_approval"),
                Executor.valueOf(rs.getString("executor")),
                targetUrl == null ? null : new DeployTarget(rs.getString("target_type"), URI.create(targetUrl),
                        json.readValue(rs.getString("target_settings"), SETTINGS),
                        rs.getString("target_credential_sealed")),
                rs.getString("requested_by"), rs.getString("run_url"), SqlTime.instant(rs, "planned_at"),
                Duration.ofSeconds(rs.getLong("deployment_timeout_seconds")), rollback(rs),
                DeploymentState.valueOf(rs.getString("state")), rs.getObject("change_id", UUID.class),
                rs.getString("reason"), SqlTime.nullableInstant(rs, "started_at"),
                SqlTime.nullableInstant(rs, "finished_at"), SqlTime.nullableInstant(rs, "deadline"));
    }
}
