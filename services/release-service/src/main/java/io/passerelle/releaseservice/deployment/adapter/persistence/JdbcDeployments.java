package io.passerelle.releaseservice.deployment.adapter.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.deployment.Deployment;
import io.passerelle.releaseservice.deployment.DeploymentFailed;
import io.passerelle.releaseservice.deployment.DeploymentSucceeded;
import io.passerelle.releaseservice.deployment.DeploymentState;
import io.passerelle.releaseservice.deployment.Executor;
import io.passerelle.releaseservice.deployment.port.Deployments;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class JdbcDeployments implements Deployments {

    /** Deployments that finished, by service, environment and outcome; counted once their outcome is committed. */
    static final String FINISHED = "passerelle.deployments.finished";

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final MeterRegistry meters;

    JdbcDeployments(JdbcClient jdbc, EventPublisher events, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.events = events;
        this.meters = meters;
    }

    /**
     * Inserts a new deployment or stores the state of a known one (the rest never changes), then its events; an
     * outcome among them is counted ({@value #FINISHED}) when the transaction commits.
     */
    @Override
    public void save(Deployment d) {
        jdbc.sql("""
                insert into deployment (id, release_id, service, environment, version, commit_sha, requires_approval,
                    executor, target_type, target_url, requested_by, run_url, state, change_id, reason, planned_at,
                    started_at, finished_at)
                values (:id, :releaseId, :service, :environment, :version, :commitSha, :requiresApproval,
                    :executor, :targetType, :targetUrl, :requestedBy, :runUrl, :state, :changeId, :reason,
                    :plannedAt, :startedAt, :finishedAt)
                on conflict (id) do update set state = excluded.state, change_id = excluded.change_id,
                    reason = excluded.reason, started_at = excluded.started_at, finished_at = excluded.finished_at""")
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
                .param("requestedBy", d.requestedBy())
                .param("runUrl", d.runUrl())
                .param("state", d.state().name())
                .param("changeId", d.changeId())
                .param("reason", d.reason())
                .param("plannedAt", SqlTime.of(d.plannedAt()))
                .param("startedAt", SqlTime.ofNullable(d.startedAt()))
                .param("finishedAt", SqlTime.ofNullable(d.finishedAt()))
                .update();
        var pulled = d.pullEvents();
        events.publish(pulled);
        for (var event : pulled) {
            if (event instanceof DeploymentSucceeded || event instanceof DeploymentFailed) {
                countAfterCommit(Counter.builder(FINISHED).description("Deployments that finished, by outcome")
                        .tags("service", d.service(), "environment", d.environment(),
                                "outcome", event instanceof DeploymentSucceeded ? "succeeded" : "failed")
                        .register(meters));
            }
        }
    }

    private static void countAfterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
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

    private static Deployment deployment(ResultSet rs) throws SQLException {
        var targetUrl = rs.getString("target_url");
        return Deployment.restore(rs.getObject("id", UUID.class), rs.getObject("release_id", UUID.class),
                rs.getString("service"), rs.getString("environment"), rs.getString("version"),
                rs.getString("commit_sha"), rs.getBoolean("requires_approval"),
                Executor.valueOf(rs.getString("executor")),
                targetUrl == null ? null : new DeployTarget(rs.getString("target_type"), URI.create(targetUrl)),
                rs.getString("requested_by"), rs.getString("run_url"), SqlTime.instant(rs, "planned_at"),
                DeploymentState.valueOf(rs.getString("state")), rs.getObject("change_id", UUID.class),
                rs.getString("reason"), SqlTime.nullableInstant(rs, "started_at"),
                SqlTime.nullableInstant(rs, "finished_at"));
    }
}
