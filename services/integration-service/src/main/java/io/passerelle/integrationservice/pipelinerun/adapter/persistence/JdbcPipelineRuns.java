package io.passerelle.integrationservice.pipelinerun.adapter.persistence;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.integrationservice.pipelinerun.PipelineRunReport;
import io.passerelle.integrationservice.pipelinerun.Receipt;
import io.passerelle.integrationservice.pipelinerun.port.PipelineRuns;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcPipelineRuns implements PipelineRuns {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcPipelineRuns(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Recorded> byKey(String key) {
        return jdbc.sql("select request_sha256, outcome, reason from pipeline_run where idempotency_key = :key")
                .param("key", key)
                .query((rs, i) -> new Recorded(rs.getString("request_sha256"), receipt(rs.getString("outcome"),
                        rs.getString("reason"))))
                .optional();
    }

    @Override
    public boolean record(String key, String requestSha256, PipelineRunReport report, String runId, Receipt receipt,
            String reportedBy, Instant at) {
        return jdbc.sql("""
                insert into pipeline_run (idempotency_key, request_sha256, service, run_id, outcome, reason, evidence,
                    reported_by, received_at)
                values (:key, :sha, :service, :runId, :outcome, :reason, cast(:evidence as jsonb), :by, :at)
                on conflict (idempotency_key) do nothing""")
                .param("key", key)
                .param("sha", requestSha256)
                .param("service", report.service())
                .param("runId", runId)
                .param("outcome", (receipt.accepted() ? "accepted:" : "ignored:") + receipt.events())
                .param("reason", receipt.reason())
                .param("evidence", json.writeValueAsString(new Evidence(report.tests(), report.checks())))
                .param("by", reportedBy)
                .param("at", SqlTime.of(at))
                .update() == 1;
    }

    private record Evidence(PipelineRunReport.@Nullable Tests tests, java.util.List<PipelineRunReport.Check> checks) {
    }

    private static Receipt receipt(String outcome, @Nullable String reason) {
        var parts = outcome.split(":", 2);
        return new Receipt(parts[0].equals("accepted"), reason, Integer.parseInt(parts[1]));
    }
}
