package io.passerelle.integration.executor.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.passerelle.integration.executor.DeploymentRequest;
import io.passerelle.integration.executor.Dispatch;
import io.passerelle.integration.executor.Dispatches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDispatches implements Dispatches {

    private final JdbcClient jdbc;

    JdbcDispatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean alreadyDispatched(UUID deploymentId) {
        return jdbc.sql("select exists (select 1 from deployment_dispatch where deployment_id = :id and outcome = 'DISPATCHED')")
                .param("id", deploymentId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public void record(DeploymentRequest request, Dispatch outcome, Instant at) {
        jdbc.sql("""
                insert into deployment_dispatch (deployment_id, service, environment, target_url, outcome, attempts,
                    reason, decided_at)
                values (:id, :service, :environment, :url, :outcome, :attempts, :reason, :at)
                on conflict (deployment_id) do update set target_url = excluded.target_url,
                    outcome = excluded.outcome, attempts = excluded.attempts, reason = excluded.reason,
                    decided_at = excluded.decided_at""")
                .param("id", request.deploymentId())
                .param("service", request.service())
                .param("environment", request.environment())
                .param("url", request.targetUrl())
                .param("outcome", outcome instanceof Dispatch.Delivered ? "DISPATCHED" : "FAILED")
                .param("attempts", outcome.attempts())
                .param("reason", outcome instanceof Dispatch.Failed failed ? failed.reason() : null)
                .param("at", Timestamp.from(at))
                .update();
    }
}
