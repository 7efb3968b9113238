package io.passerelle.releaseservice.deployment.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.deployment.Deployment;
import io.passerelle.releaseservice.deployment.DeploymentState;
import io.passerelle.releaseservice.deployment.Deployments;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeployments implements Deployments {

    private final JdbcClient jdbc;

    JdbcDeployments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Deployment d) {
        jdbc.sql("""
                insert into deployment (id, release_id, service, environment, version, commit_sha, requires_approval,
                    target_type, target_url, requested_by, run_url, state, change_id, reason, planned_at, started_at,
                    finished_at)
                values (:id, :releaseId, :service, :environment, :version, :commitSha, :requiresApproval,
                    :targetType, :targetUrl, :requestedBy, :runUrl, :state, :changeId, :reason, :plannedAt,
                    :startedAt, :finishedAt)""")
                .param("id", d.id())
                .param("releaseId", d.releaseId())
                .param("service", d.service())
                .param("environment", d.environment())
                .param("version", d.version())
                .param("commitSha", d.commitSha())
                .param("requiresApproval", d.requiresApproval())
                .param("targetType", d.target().type())
                .param("targetUrl", d.target().url().toString())
                .param("requestedBy", d.requestedBy())
                .param("runUrl", d.runUrl())
                .param("state", d.state().name())
                .param("changeId", d.changeId())
                .param("reason", d.reason())
                .param("plannedAt", timestamp(d.plannedAt()))
                .param("startedAt", timestamp(d.startedAt()))
                .param("finishedAt", timestamp(d.finishedAt()))
                .update();
    }

    @Override
    public void update(Deployment d) {
        jdbc.sql("""
                update deployment set state = :state, change_id = :changeId, reason = :reason,
                    started_at = :startedAt, finished_at = :finishedAt
                where id = :id""")
                .param("id", d.id())
                .param("state", d.state().name())
                .param("changeId", d.changeId())
                .param("reason", d.reason())
                .param("startedAt", timestamp(d.startedAt()))
                .param("finishedAt", timestamp(d.finishedAt()))
                .update();
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

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Deployment deployment(ResultSet rs) throws SQLException {
        return Deployment.restore(rs.getObject("id", UUID.class), rs.getObject("release_id", UUID.class),
                rs.getString("service"), rs.getString("environment"), rs.getString("version"),
                rs.getString("commit_sha"), rs.getBoolean("requires_approval"),
                new DeployTarget(rs.getString("target_type"), URI.create(rs.getString("target_url"))),
                rs.getString("requested_by"), rs.getString("run_url"), rs.getObject("planned_at", OffsetDateTime.class).toInstant(),
                DeploymentState.valueOf(rs.getString("state")), rs.getObject("change_id", UUID.class),
                rs.getString("reason"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }
}
