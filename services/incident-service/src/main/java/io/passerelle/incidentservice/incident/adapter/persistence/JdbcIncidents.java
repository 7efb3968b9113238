package io.passerelle.incidentservice.incident.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.deployment.Outcome;
import io.passerelle.incidentservice.incident.Incident;
import io.passerelle.incidentservice.incident.Level;
import io.passerelle.incidentservice.incident.Source;
import io.passerelle.incidentservice.incident.State;
import io.passerelle.incidentservice.incident.SuggestedKnownError;
import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.suspect.Suspect;
import io.passerelle.incidentservice.timeline.port.Timeline;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIncidents implements Incidents {

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final Timeline timeline;

    JdbcIncidents(JdbcClient jdbc, EventPublisher events, Timeline timeline) {
        this.jdbc = jdbc;
        this.events = events;
        this.timeline = timeline;
    }

    @Override
    public void save(Incident incident) {
        if (incident.version() == 0) {
            insert(incident);
        } else {
            update(incident);
        }
        incident.pullTimeline().forEach(timeline::append);
        events.publish(incident.pullEvents());
    }

    private void insert(Incident i) {
        jdbc.sql("""
                insert into incident (id, service, environment, title, description, source, impact, urgency, priority,
                    state, fingerprint, alert_name, occurrences, last_seen_at, started_at, opened_at, reported_by,
                    resolved_at, resolved_by, version)
                values (:id, :service, :environment, :title, :description, :source, :impact, :urgency, :priority,
                    :state, :fingerprint, :alertName, :occurrences, :lastSeenAt, :startedAt, :openedAt, :reportedBy,
                    :resolvedAt, :resolvedBy, 1)""")
                .param("id", i.id())
                .param("service", i.service())
                .param("environment", i.environment())
                .param("title", i.title())
                .param("description", i.description(), Types.VARCHAR)
                .param("source", i.source().name())
                .param("impact", i.impact().name())
                .param("urgency", i.urgency().name())
                .param("priority", i.priority().name())
                .param("state", i.state().name())
                .param("fingerprint", i.fingerprint(), Types.VARCHAR)
                .param("alertName", i.alertName(), Types.VARCHAR)
                .param("occurrences", i.occurrences())
                .param("lastSeenAt", SqlTime.ofNullable(i.lastSeenAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("startedAt", SqlTime.of(i.startedAt()))
                .param("openedAt", SqlTime.of(i.openedAt()))
                .param("reportedBy", i.reportedBy())
                .param("resolvedAt", SqlTime.ofNullable(i.resolvedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("resolvedBy", i.resolvedBy(), Types.VARCHAR)
                .update();
        for (var s : i.suspects()) {
            jdbc.sql("""
                    insert into suspect (incident_id, rank, deployment_id, version, commit_sha, change_id, outcome,
                        finished_at, score, reason)
                    values (:incidentId, :rank, :deploymentId, :version, :commitSha, :changeId, :outcome, :finishedAt,
                        :score, :reason)""")
                    .param("incidentId", i.id())
                    .param("rank", s.rank())
                    .param("deploymentId", s.deploymentId())
                    .param("version", s.version())
                    .param("commitSha", s.commitSha())
                    .param("changeId", s.changeId(), Types.OTHER)
                    .param("outcome", s.outcome().name())
                    .param("finishedAt", SqlTime.of(s.finishedAt()))
                    .param("score", java.math.BigDecimal.valueOf(s.score()))
                    .param("reason", s.reason())
                    .update();
        }
        int position = 0;
        for (var k : i.knownErrors()) {
            jdbc.sql("""
                    insert into incident_known_error (incident_id, position, problem_id, title, workaround)
                    values (:incidentId, :position, :problemId, :title, :workaround)""")
                    .param("incidentId", i.id())
                    .param("position", ++position)
                    .param("problemId", k.problemId())
                    .param("title", k.title())
                    .param("workaround", k.workaround(), Types.VARCHAR)
                    .update();
        }
    }

    private void update(Incident i) {
        int updated = jdbc.sql("""
                update incident set state = :state, occurrences = :occurrences, last_seen_at = :lastSeenAt,
                    resolved_at = :resolvedAt, resolved_by = :resolvedBy, version = version + 1
                where id = :id and version = :version""")
                .param("id", i.id())
                .param("version", i.version())
                .param("state", i.state().name())
                .param("occurrences", i.occurrences())
                .param("lastSeenAt", SqlTime.ofNullable(i.lastSeenAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("resolvedAt", SqlTime.ofNullable(i.resolvedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("resolvedBy", i.resolvedBy(), Types.VARCHAR)
                .update();
        if (updated != 1) {
            throw RuleViolationException.conflict("incident " + i.id() + " was changed meanwhile; try again");
        }
    }

    @Override
    public Optional<Incident> byId(UUID id) {
        return withSuspects(jdbc.sql("select * from incident where id = :id").param("id", id)
                .query(JdbcIncidents::row).list()).stream().findFirst();
    }

    @Override
    public Optional<Incident> openWithFingerprint(String fingerprint) {
        return withSuspects(jdbc.sql("select * from incident where fingerprint = :fingerprint and state = 'OPEN'")
                .param("fingerprint", fingerprint)
                .query(JdbcIncidents::row).list()).stream().findFirst();
    }

    @Override
    public boolean resolvedWith(String fingerprint, Instant startedAt) {
        return jdbc.sql("""
                select exists (select 1 from incident
                               where fingerprint = :fingerprint and state = 'RESOLVED' and started_at = :startedAt)""")
                .param("fingerprint", fingerprint)
                .param("startedAt", SqlTime.of(startedAt))
                .query(Boolean.class).single();
    }

    @Override
    public List<Incident> list(@Nullable String service, @Nullable State state, int limit) {
        return withSuspects(jdbc.sql("""
                select * from incident
                where (cast(:service as text) is null or service = :service)
                  and (cast(:state as text) is null or state = :state)
                order by opened_at desc, id
                limit :limit""")
                .param("service", service, Types.VARCHAR)
                .param("state", state == null ? null : state.name(), Types.VARCHAR)
                .param("limit", limit)
                .query(JdbcIncidents::row).list());
    }

    private List<Incident> withSuspects(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<Suspect>> suspects = new HashMap<>();
        jdbc.sql("select * from suspect where incident_id in (:ids) order by incident_id, rank")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject("incident_id", UUID.class), suspect(rs)))
                .list()
                .forEach(e -> suspects.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, List<SuggestedKnownError>> knownErrors = new HashMap<>();
        jdbc.sql("select * from incident_known_error where incident_id in (:ids) order by incident_id, position")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject("incident_id", UUID.class), new SuggestedKnownError(
                        rs.getObject("problem_id", UUID.class), rs.getString("title"), rs.getString("workaround"))))
                .list()
                .forEach(e -> knownErrors.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> r.incident(suspects.getOrDefault(r.id(), List.of()),
                knownErrors.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Suspect suspect(ResultSet rs) throws SQLException {
        return new Suspect(rs.getInt("rank"), rs.getObject("deployment_id", UUID.class), rs.getString("version"),
                rs.getString("commit_sha"), rs.getObject("change_id", UUID.class),
                Outcome.valueOf(rs.getString("outcome")), SqlTime.instant(rs, "finished_at"),
                rs.getBigDecimal("score").doubleValue(), rs.getString("reason"));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var service = rs.getString("service");
        var environment = rs.getString("environment");
        var title = rs.getString("title");
        var description = rs.getString("description");
        var source = Source.valueOf(rs.getString("source"));
        var impact = Level.valueOf(rs.getString("impact"));
        var urgency = Level.valueOf(rs.getString("urgency"));
        var fingerprint = rs.getString("fingerprint");
        var alertName = rs.getString("alert_name");
        var startedAt = SqlTime.instant(rs, "started_at");
        var openedAt = SqlTime.instant(rs, "opened_at");
        var reportedBy = rs.getString("reported_by");
        var version = rs.getInt("version");
        var state = State.valueOf(rs.getString("state"));
        var occurrences = rs.getInt("occurrences");
        var lastSeenAt = SqlTime.nullableInstant(rs, "last_seen_at");
        var resolvedAt = SqlTime.nullableInstant(rs, "resolved_at");
        var resolvedBy = rs.getString("resolved_by");
        return new Row(id, (suspects, knownErrors) -> Incident.restore(id, service, environment, title, description,
                source, impact, urgency, fingerprint, alertName, startedAt, openedAt, reportedBy, suspects, knownErrors,
                version, state, occurrences, lastSeenAt, resolvedAt, resolvedBy));
    }

    private record Row(UUID id,
            java.util.function.BiFunction<List<Suspect>, List<SuggestedKnownError>, Incident> withSuspects) {

        Incident incident(List<Suspect> suspects, List<SuggestedKnownError> knownErrors) {
            return withSuspects.apply(suspects, knownErrors);
        }
    }
}
