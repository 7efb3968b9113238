package io.passerelle.releaseservice.deployment.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.deployment.CheckResult;
import io.passerelle.releaseservice.deployment.CommitChecks;
import io.passerelle.releaseservice.deployment.port.Checks;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Check results in {@code commit_check}. A commit is locked with a transaction-scoped advisory lock on its service and
 * SHA: it exists before the commit has any row (the first two results of a commit arrive together as often as not),
 * and is released with the transaction. A collision of two commits' hashes only makes them wait for each other.
 */
@Repository
class JdbcChecks implements Checks {

    private final JdbcClient jdbc;

    JdbcChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CommitChecks lock(String service, String commitSha) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('release.commit_check:' || :service || '/' || :sha, 0))")
                .param("service", service).param("sha", commitSha).query().singleRow();
        return new CommitChecks(service, commitSha, jdbc.sql("""
                select * from commit_check where service = :service and commit_sha = :sha""")
                .param("service", service).param("sha", commitSha)
                .query((rs, i) -> result(rs)).list());
    }

    @Override
    public void keep(String service, String commitSha, CheckResult result, Instant at) {
        jdbc.sql("""
                insert into commit_check (service, commit_sha, name, run_id, run_number, run_attempt, conclusion, run_url,
                    finished_at, recorded_at)
                values (:service, :sha, :name, :runId, :runNumber, :runAttempt, :conclusion, :runUrl, :finishedAt, :at)
                on conflict (service, commit_sha, name) do update set run_id = excluded.run_id,
                    run_number = excluded.run_number, run_attempt = excluded.run_attempt,
                    conclusion = excluded.conclusion, run_url = excluded.run_url, finished_at = excluded.finished_at,
                    recorded_at = excluded.recorded_at""")
                .param("service", service)
                .param("sha", commitSha)
                .param("name", result.name())
                .param("runId", result.runId())
                .param("runNumber", result.runNumber())
                .param("runAttempt", result.runAttempt())
                .param("conclusion", result.conclusion())
                .param("runUrl", result.runUrl())
                .param("finishedAt", SqlTime.of(result.finishedAt()))
                .param("at", SqlTime.of(at))
                .update();
    }

    @Override
    public Map<UUID, List<CheckResult>> ofReleases(@Nullable String service) {
        return jdbc.sql("""
                select r.id as release_id, c.* from commit_check c
                join release r on r.service = c.service and r.commit_sha = c.commit_sha
                where cast(:service as text) is null or r.service = :service
                order by c.name""")
                .param("service", service)
                .query((rs, i) -> Map.entry(rs.getObject("release_id", UUID.class), result(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static CheckResult result(ResultSet rs) throws SQLException {
        return new CheckResult(rs.getString("name"), rs.getString("run_id"), rs.getObject("run_number", Long.class),
                rs.getObject("run_attempt", Integer.class), rs.getString("conclusion"), rs.getString("run_url"),
                SqlTime.instant(rs, "finished_at"));
    }
}
