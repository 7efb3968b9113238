package io.passerelle.releaseservice.deployment.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.deployment.Release;
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
        var stored = jdbc.sql("""
                insert into release (id, service, version, commit_sha, run_url, requested_by, recorded_at)
                values (:id, :service, :version, :commitSha, :runUrl, :requestedBy, :recordedAt)
                on conflict (service, commit_sha) do nothing""")
                .param("id", release.id())
                .param("service", release.service())
                .param("version", release.version())
                .param("commitSha", release.commitSha())
                .param("runUrl", release.runUrl())
                .param("requestedBy", release.requestedBy())
                .param("recordedAt", SqlTime.of(release.recordedAt()))
                .update() == 1;
        if (stored) {
            events.publish(release.pullEvents());
        }
        return stored;
    }

    @Override
    public Optional<Release> byId(UUID id) {
        return jdbc.sql("select * from release where id = :id").param("id", id)
                .query((rs, i) -> release(rs)).optional();
    }

    @Override
    public Optional<Release> lock(String service, String commitSha) {
        return jdbc.sql("select * from release where service = :service and commit_sha = :sha for update")
                .param("service", service).param("sha", commitSha)
                .query((rs, i) -> release(rs)).optional();
    }

    @Override
    public List<Release> newestFirst(@Nullable String service) {
        return jdbc.sql("""
                select * from release where cast(:service as text) is null or service = :service
                order by recorded_at desc, id""")
                .param("service", service)
                .query((rs, i) -> release(rs)).list();
    }

    private static Release release(ResultSet rs) throws SQLException {
        return Release.restore(rs.getObject("id", UUID.class), rs.getString("service"), rs.getString("version"),
                rs.getString("commit_sha"), rs.getString("run_url"), rs.getString("requested_by"),
                SqlTime.instant(rs, "recorded_at"));
    }
}
