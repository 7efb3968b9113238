package io.passerelle.releaseservice.delivery.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.delivery.FinishedDeployment;
import io.passerelle.releaseservice.delivery.IncidentCause;
import io.passerelle.releaseservice.delivery.Scope;
import io.passerelle.releaseservice.delivery.port.DeliveryHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One query per range: each scope's finished deployments by the {@code deployment_finished} index (service,
 * environment, state, finished_at), their release's head commit time, and for each failure the first later success
 * by the same index (a lateral join that reads one index entry); and one for the incidents confirmed to be caused by
 * them (few: from {@code incident_cause} to each deployment by its key).
 */
@Repository
class JdbcDeliveryHistory implements DeliveryHistory {

    private final JdbcClient jdbc;

    JdbcDeliveryHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FinishedDeployment> finishedBetween(List<Scope> scopes, Instant from, Instant to) {
        if (scopes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select d.id, d.service, d.environment, d.version, d.commit_sha, d.state, d.finished_at, d.reason,
                       case when d.kind = 'ROLLBACK' then null else r.head_commit_at end as head_commit_at,
                       n.id as next_id, n.finished_at as next_finished_at
                from unnest(cast(:services as text[]), cast(:environments as text[])) as s (service, environment)
                join deployment d on d.service = s.service and d.environment = s.environment
                                 and d.state in ('SUCCEEDED', 'FAILED')
                                 and d.finished_at >= :from and d.finished_at < :to
                join release r on r.id = d.release_id
                left join lateral (
                    select n.id, n.finished_at from deployment n
                    where d.state = 'FAILED' and n.service = d.service and n.environment = d.environment
                      and n.state = 'SUCCEEDED' and n.finished_at > d.finished_at
                    order by n.finished_at
                    limit 1) n on true""")
                .param("services", scopes.stream().map(Scope::service).toArray(String[]::new))
                .param("environments", scopes.stream().map(Scope::environment).toArray(String[]::new))
                .param("from", SqlTime.of(from))
                .param("to", SqlTime.of(to))
                .query((rs, i) -> finished(rs)).list();
    }

    @Override
    public List<IncidentCause> causesBetween(List<Scope> scopes, Instant from, Instant to) {
        if (scopes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select c.deployment_id, c.incident_id, r.resolved_at
                from incident_cause c
                join deployment d on d.id = c.deployment_id and d.state in ('SUCCEEDED', 'FAILED')
                                 and d.finished_at >= :from and d.finished_at < :to
                join unnest(cast(:services as text[]), cast(:environments as text[])) as s (service, environment)
                  on s.service = d.service and s.environment = d.environment
                left join incident_resolution r on r.incident_id = c.incident_id
                order by c.deployment_id, c.confirmed_at""")
                .param("services", scopes.stream().map(Scope::service).toArray(String[]::new))
                .param("environments", scopes.stream().map(Scope::environment).toArray(String[]::new))
                .param("from", SqlTime.of(from))
                .param("to", SqlTime.of(to))
                .query((rs, i) -> new IncidentCause(rs.getObject("deployment_id", UUID.class),
                        rs.getObject("incident_id", UUID.class), SqlTime.nullableInstant(rs, "resolved_at")))
                .list();
    }

    private static FinishedDeployment finished(ResultSet rs) throws SQLException {
        var nextId = rs.getObject("next_id", UUID.class);
        return new FinishedDeployment(rs.getObject("id", UUID.class), rs.getString("service"),
                rs.getString("environment"), rs.getString("version"), rs.getString("commit_sha"),
                FinishedDeployment.Result.valueOf(rs.getString("state")), SqlTime.instant(rs, "finished_at"),
                SqlTime.nullableInstant(rs, "head_commit_at"), rs.getString("reason"),
                nextId == null ? null
                        : new FinishedDeployment.NextSuccess(nextId, SqlTime.instant(rs, "next_finished_at")));
    }
}
