package io.passerelle.releaseservice.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.Catalogued;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service registered through the API (staging, then production) and a history of its deployments written straight
 * into the tables, each with its own release: what months of promotions would have left behind.
 */
final class DeliveryHistoryFixture {

    final String service;
    private final JdbcClient jdbc;

    DeliveryHistoryFixture(MockMvc mvc, JdbcClient jdbc) throws Exception {
        this.jdbc = jdbc;
        this.service = Catalogued.register(mvc, "dora", List.of());
    }

    /** A deployment in {@code state}, finished at {@code finishedAt}, of a release whose head commit is of that time. */
    UUID deployment(String environment, String state, @Nullable Instant finishedAt, @Nullable Instant headCommitAt) {
        var sha = UUID.randomUUID().toString().replace("-", "") + "0123abcd";
        var planned = finishedAt == null ? Instant.now() : finishedAt.minusSeconds(600);
        var releaseId = UUID.randomUUID();
        jdbc.sql("""
                insert into release (id, service, version, commit_sha, requested_by, recorded_at, head_commit_at)
                values (:id, :service, :version, :sha, 'pipeline:octocat', :recordedAt, :headCommitAt)""")
                .param("id", releaseId).param("service", service).param("version", sha.substring(0, 12))
                .param("sha", sha).param("recordedAt", SqlTime.of(planned))
                .param("headCommitAt", SqlTime.ofNullable(headCommitAt)).update();
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into deployment (id, release_id, service, environment, version, commit_sha, requires_approval,
                    executor, requested_by, state, reason, planned_at, started_at, finished_at)
                values (:id, :releaseId, :service, :environment, :version, :sha, false, 'PIPELINE',
                    'pipeline:octocat', :state, :reason, :plannedAt, :plannedAt, :finishedAt)""")
                .param("id", id).param("releaseId", releaseId).param("service", service)
                .param("environment", environment).param("version", sha.substring(0, 12)).param("sha", sha)
                .param("state", state).param("reason", "FAILED".equals(state) ? "health check failed" : null)
                .param("plannedAt", SqlTime.of(planned)).param("finishedAt", SqlTime.ofNullable(finishedAt)).update();
        return id;
    }
}
