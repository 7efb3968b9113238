package io.passerelle.releaseservice.deployment.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.deployment.Release;
import io.passerelle.releaseservice.deployment.Release.Commit;
import io.passerelle.releaseservice.deployment.Release.Hold;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReleases implements Releases {

    private final JdbcClient jdbc;
    private final EventPublisher events;

    JdbcReleases(JdbcClient jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public boolean save(Release release) {
        var hold = release.awaiting();
        var stored = jdbc.sql("""
                insert into release (id, service, version, commit_sha, run_url, requested_by, recorded_at,
                    head_commit_at, awaiting_environment, hold, hold_reason)
                values (:id, :service, :version, :commitSha, :runUrl, :requestedBy, :recordedAt,
                    :headCommitAt, :awaitingEnvironment, :hold, :holdReason)
                on conflict (service, commit_sha) do nothing""")
                .param("id", release.id())
                .param("service", release.service())
                .param("version", release.version())
                .param("commitSha", release.commitSha())
                .param("runUrl", release.runUrl())
                .param("requestedBy", release.requestedBy())
                .param("recordedAt", SqlTime.of(release.recordedAt()))
                .param("headCommitAt", SqlTime.ofNullable(release.headCommitAt()))
                .param("awaitingEnvironment", hold == null ? null : hold.environment())
                .param("hold", hold == null ? null : hold.state().name())
                .param("holdReason", hold == null ? null : hold.reason())
                .update() == 1;
        if (stored) {
            var commits = release.commits();
            for (int position = 0; position < commits.size(); position++) {
                var commit = commits.get(position);
                jdbc.sql("""
                        insert into release_commit (release_id, position, sha, message, committed_at)
                        values (:releaseId, :position, :sha, :message, :committedAt)""")
                        .param("releaseId", release.id())
                        .param("position", position)
                        .param("sha", commit.sha())
                        .param("message", commit.message())
                        .param("committedAt", SqlTime.ofNullable(commit.committedAt()))
                        .update();
            }
            events.publish(release.pullEvents());
        }
        return stored;
    }

    @Override
    public void update(Release release) {
        var hold = release.awaiting();
        jdbc.sql("""
                update release set awaiting_environment = :awaitingEnvironment, hold = :hold, hold_reason = :holdReason
                where id = :id""")
                .param("id", release.id())
                .param("awaitingEnvironment", hold == null ? null : hold.environment())
                .param("hold", hold == null ? null : hold.state().name())
                .param("holdReason", hold == null ? null : hold.reason())
                .update();
        events.publish(release.pullEvents());
    }

    @Override
    public Optional<Release> byId(UUID id) {
        return withCommits(jdbc.sql("select * from release where id = :id").param("id", id)
                .query((rs, i) -> row(rs)).list()).stream().findFirst();
    }

    @Override
    public Optional<Release> lock(String service, String commitSha) {
        return withCommits(jdbc.sql("select * from release where service = :service and commit_sha = :sha for update")
                .param("service", service).param("sha", commitSha)
                .query((rs, i) -> row(rs)).list()).stream().findFirst();
    }

    @Override
    public List<Release> newestFirst(@Nullable String service) {
        return withCommits(jdbc.sql("""
                select * from release where cast(:service as text) is null or service = :service
                order by recorded_at desc, id""")
                .param("service", service)
                .query((rs, i) -> row(rs)).list());
    }

    /** The releases of these rows, each with its commits (one query for all). */
    private List<Release> withCommits(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Commit>> commits = jdbc.sql("""
                select * from release_commit where release_id = any(:ids) order by release_id, position""")
                .param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
                .query((rs, i) -> Map.entry(rs.getObject("release_id", UUID.class), new Commit(rs.getString("sha"),
                        rs.getString("message"), SqlTime.nullableInstant(rs, "committed_at"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(row -> row.release(commits.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        var hold = rs.getString("hold");
        return new Row(rs.getObject("id", UUID.class), rs.getString("service"), rs.getString("version"),
                rs.getString("commit_sha"), rs.getString("run_url"), rs.getString("requested_by"),
                SqlTime.instant(rs, "recorded_at"), SqlTime.nullableInstant(rs, "head_commit_at"),
                hold == null ? null : new Hold(rs.getString("awaiting_environment"), Hold.State.valueOf(hold),
                        rs.getString("hold_reason")));
    }

    /** A release row, before its commits are read. */
    private record Row(UUID id, String service, String version, String commitSha, @Nullable String runUrl,
            String requestedBy, java.time.Instant recordedAt, java.time.@Nullable Instant headCommitAt,
            @Nullable Hold hold) {

        Release release(List<Commit> commits) {
            return Release.restore(id, service, version, commitSha, runUrl, requestedBy, recordedAt, headCommitAt,
                    commits, hold);
        }
    }
}
