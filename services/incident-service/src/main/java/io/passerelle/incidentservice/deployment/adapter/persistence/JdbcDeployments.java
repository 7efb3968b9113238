package io.passerelle.incidentservice.deployment.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.deployment.FinishedDeployment;
import io.passerelle.incidentservice.deployment.Outcome;
import io.passerelle.incidentservice.deployment.port.Deployments;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeployments implements Deployments {

    private final JdbcClient jdbc;

    JdbcDeployments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(FinishedDeployment d) {
        return jdbc.sql("""
                insert into deployment (deployment_id, service, environment, version, commit_sha, change_id, outcome,
                                        started_at, finished_at, made_by)
                values (:id, :service, :environment, :version, :commitSha, :changeId, :outcome, :startedAt,
                        :finishedAt, :madeBy)
                on conflict (deployment_id) do nothing""")
                .param("id", d.deploymentId())
                .param("service", d.service())
                .param("environment", d.environment())
                .param("version", d.version())
                .param("commitSha", d.commitSha(), Types.VARCHAR)
                .param("changeId", d.changeId(), Types.OTHER)
                .param("outcome", d.outcome().name())
                .param("startedAt", SqlTime.ofNullable(d.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("finishedAt", SqlTime.of(d.finishedAt()))
                .param("madeBy", d.madeBy(), Types.VARCHAR)
                .update() == 1;
    }

    /** By {@code deployment_by_target} (service, environment, finished_at): those that ended from {@code from} on. */
    @Override
    public List<FinishedDeployment> inEffectBetween(String service, String environment, Instant from, Instant to) {
        return jdbc.sql("""
                select * from deployment
                where service = :service and environment = :environment
                  and finished_at >= :from and least(started_at, finished_at) <= :to
                order by finished_at desc, deployment_id""")
                .param("service", service)
                .param("environment", environment)
                .param("from", SqlTime.of(from))
                .param("to", SqlTime.of(to))
                .query(JdbcDeployments::map)
                .list();
    }

    private static FinishedDeployment map(ResultSet rs, int row) throws SQLException {
        return new FinishedDeployment(rs.getObject("deployment_id", UUID.class), rs.getString("service"),
                rs.getString("environment"), rs.getString("version"), rs.getString("commit_sha"),
                rs.getObject("change_id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
                SqlTime.nullableInstant(rs, "started_at"), SqlTime.instant(rs, "finished_at"), rs.getString("made_by"));
    }
}
