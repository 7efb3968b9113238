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
import java.util.StringJoiner;
import java.util.UUID;

import io.passerelle.incidentservice.deployment.Outcome;
import io.passerelle.incidentservice.incident.Assignment;
import io.passerelle.incidentservice.incident.Incident;
import io.passerelle.incidentservice.incident.Level;
import io.passerelle.incidentservice.incident.Priority;
import io.passerelle.incidentservice.incident.Rating;
import io.passerelle.incidentservice.incident.Source;
import io.passerelle.incidentservice.incident.Stamp;
import io.passerelle.incidentservice.incident.State;
import io.passerelle.incidentservice.incident.SuggestedKnownError;
import io.passerelle.incidentservice.incident.port.IncidentPage;
import io.passerelle.incidentservice.incident.port.IncidentQuery;
import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.suspect.Decision;
import io.passerelle.incidentservice.suspect.Suspect;
import io.passerelle.incidentservice.timeline.port.Timeline;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIncidents implements Incidents {

    /** The states of an open incident ({@link State#isOpen()}), for SQL. */
    private static final String OPEN_STATES = java.util.Arrays.stream(State.values()).filter(State::isOpen)
            .map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "));

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
                    acknowledged_at, acknowledged_by, assignee, assignment_group, hold_reason, resolved_at, resolved_by,
                    closed_at, closed_by, version)
                values (:id, :service, :environment, :title, :description, :source, :impact, :urgency, :priority,
                    :state, :fingerprint, :alertName, :occurrences, :lastSeenAt, :startedAt, :openedAt, :reportedBy,
                    :acknowledgedAt, :acknowledgedBy, :assignee, :assignmentGroup, :holdReason, :resolvedAt,
                    :resolvedBy, :closedAt, :closedBy, 1)""")
                .paramSource(changing(i)
                        .addValue("id", i.id())
                        .addValue("service", i.service(), Types.VARCHAR)
                        .addValue("environment", i.environment(), Types.VARCHAR)
                        .addValue("title", i.title())
                        .addValue("description", i.description(), Types.VARCHAR)
                        .addValue("source", i.source().name())
                        .addValue("fingerprint", i.fingerprint(), Types.VARCHAR)
                        .addValue("alertName", i.alertName(), Types.VARCHAR)
                        .addValue("startedAt", SqlTime.of(i.startedAt()))
                        .addValue("openedAt", SqlTime.of(i.openedAt()))
                        .addValue("reportedBy", i.reportedBy()))
                .update();
        insertSuspects(i);
    }

    /** The incident's suspects as they are now, with the decisions taken about them. */
    private void insertSuspects(Incident i) {
        for (var s : i.suspects()) {
            var decision = s.decision();
            jdbc.sql("""
                    insert into suspect (incident_id, rank, deployment_id, version, commit_sha, change_id, outcome,
                        finished_at, score, reason, decision, decided_by, decided_at, decision_reason, made_by)
                    values (:incidentId, :rank, :deploymentId, :version, :commitSha, :changeId, :outcome, :finishedAt,
                        :score, :reason, :decision, :decidedBy, :decidedAt, :decisionReason, :madeBy)""")
                    .param("incidentId", i.id())
                    .param("rank", s.rank())
                    .param("deploymentId", s.deploymentId())
                    .param("version", s.version())
                    .param("commitSha", s.commitSha(), Types.VARCHAR)
                    .param("madeBy", s.madeBy(), Types.VARCHAR)
                    .param("changeId", s.changeId(), Types.OTHER)
                    .param("outcome", s.outcome().name())
                    .param("finishedAt", SqlTime.of(s.finishedAt()))
                    .param("score", java.math.BigDecimal.valueOf(s.score()))
                    .param("reason", s.reason())
                    .param("decision", decision == null ? null : decision.verdict().name(), Types.VARCHAR)
                    .param("decidedBy", decision == null ? null : decision.by(), Types.VARCHAR)
                    .param("decidedAt", decision == null ? null : SqlTime.of(decision.at()),
                            Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("decisionReason", decision == null ? null : decision.reason(), Types.VARCHAR)
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
                update incident set impact = :impact, urgency = :urgency, priority = :priority, state = :state,
                    occurrences = :occurrences, last_seen_at = :lastSeenAt, acknowledged_at = :acknowledgedAt,
                    acknowledged_by = :acknowledgedBy, assignee = :assignee, assignment_group = :assignmentGroup,
                    hold_reason = :holdReason, resolved_at = :resolvedAt, resolved_by = :resolvedBy,
                    closed_at = :closedAt, closed_by = :closedBy, version = version + 1
                where id = :id and version = :version""")
                .paramSource(changing(i).addValue("id", i.id()).addValue("version", i.version()))
                .update();
        if (updated != 1) {
            throw RuleViolationException.conflict("incident " + i.id() + " was changed meanwhile; try again");
        }
        if (i.suspectsChanged()) { // computed again or decided: the ranking is replaced in this transaction
            jdbc.sql("delete from suspect where incident_id = :id").param("id", i.id()).update();
            insertSuspects(i);
        }
    }

    /** The columns that change over an incident's life. */
    private static MapSqlParameterSource changing(Incident i) {
        var acknowledged = i.acknowledged();
        var closed = i.closed();
        return new MapSqlParameterSource()
                .addValue("impact", i.impact().name())
                .addValue("urgency", i.urgency().name())
                .addValue("priority", i.priority().name())
                .addValue("state", i.state().name())
                .addValue("occurrences", i.occurrences())
                .addValue("lastSeenAt", SqlTime.ofNullable(i.lastSeenAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("acknowledgedAt", SqlTime.ofNullable(acknowledged == null ? null : acknowledged.at()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("acknowledgedBy", acknowledged == null ? null : acknowledged.by(), Types.VARCHAR)
                .addValue("assignee", i.assignment().assignee(), Types.VARCHAR)
                .addValue("assignmentGroup", i.assignment().group(), Types.VARCHAR)
                .addValue("holdReason", i.holdReason(), Types.VARCHAR)
                .addValue("resolvedAt", SqlTime.ofNullable(i.resolvedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("resolvedBy", i.resolvedBy(), Types.VARCHAR)
                .addValue("closedAt", SqlTime.ofNullable(closed == null ? null : closed.at()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("closedBy", closed == null ? null : closed.by(), Types.VARCHAR);
    }

    @Override
    public Optional<Incident> byId(UUID id) {
        return withSuspects(jdbc.sql("select * from incident where id = :id").param("id", id)
                .query(JdbcIncidents::row).list()).stream().findFirst();
    }

    @Override
    public Optional<Incident> openWithFingerprint(String fingerprint) {
        return withSuspects(jdbc.sql("select * from incident where fingerprint = :fingerprint and state in ("
                        + OPEN_STATES + ")")
                .param("fingerprint", fingerprint)
                .query(JdbcIncidents::row).list()).stream().findFirst();
    }

    @Override
    public boolean resolvedWith(String fingerprint, Instant startedAt) {
        return jdbc.sql("""
                select exists (select 1 from incident
                               where fingerprint = :fingerprint and state in ('RESOLVED', 'CLOSED')
                                 and started_at = :startedAt)""")
                .param("fingerprint", fingerprint)
                .param("startedAt", SqlTime.of(startedAt))
                .query(Boolean.class).single();
    }

    @Override
    public List<Incident> startedBetween(String service, String environment, Instant from, Instant to) {
        return withSuspects(jdbc.sql("""
                select * from incident
                where service = :service and environment = :environment and started_at between :from and :to
                order by started_at, id""")
                .param("service", service)
                .param("environment", environment)
                .param("from", SqlTime.of(from))
                .param("to", SqlTime.of(to))
                .query(JdbcIncidents::row).list());
    }

    @Override
    public IncidentPage list(IncidentQuery query) {
        var where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        var params = new MapSqlParameterSource("limit", query.limit() + 1);
        if (!query.states().isEmpty()) {
            where.add("state in (:states)");
            params.addValue("states", query.states().stream().map(Enum::name).toList());
        }
        if (!query.priorities().isEmpty()) {
            where.add("priority in (:priorities)");
            params.addValue("priorities", query.priorities().stream().map(Enum::name).toList());
        }
        if (query.service() != null) {
            where.add("service = :service");
            params.addValue("service", query.service());
        }
        if (query.environment() != null) {
            where.add("environment = :environment");
            params.addValue("environment", query.environment());
        }
        if (query.assignee() != null) {
            where.add("assignee = :assignee");
            params.addValue("assignee", query.assignee());
        }
        if (query.text() != null) {
            where.add("(title ilike :text or description ilike :text)");
            params.addValue("text", "%" + query.text().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        if (query.attributed() != null) {
            where.add(query.attributed() ? "service is not null" : "service is null");
        }
        var after = query.after();
        if (after != null) {
            where.add("(opened_at < :afterOpenedAt or (opened_at = :afterOpenedAt and id > :afterId))");
            params.addValue("afterOpenedAt", SqlTime.of(after.openedAt())).addValue("afterId", after.id());
        }
        var found = withSuspects(jdbc.sql("select * from incident" + where + " order by opened_at desc, id limit :limit")
                .paramSource(params)
                .query(JdbcIncidents::row).list());
        if (found.size() <= query.limit()) {
            return new IncidentPage(found, null);
        }
        var page = found.subList(0, query.limit());
        var last = page.getLast();
        return new IncidentPage(page, new IncidentQuery.Position(last.openedAt(), last.id()));
    }

    @Override
    public List<Incident> resolvedUntil(Instant until, int limit) {
        return withSuspects(jdbc.sql("""
                select * from incident where state = 'RESOLVED' and resolved_at <= :until
                order by resolved_at limit :limit for update skip locked""")
                .param("until", SqlTime.of(until))
                .param("limit", limit)
                .query(JdbcIncidents::row).list());
    }

    @Override
    public Optional<Instant> earliestResolution() {
        return jdbc.sql("select resolved_at from incident where state = 'RESOLVED' order by resolved_at limit 1")
                .query((rs, n) -> SqlTime.instant(rs, "resolved_at"))
                .optional();
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
        var verdict = rs.getString("decision");
        return new Suspect(rs.getInt("rank"), rs.getObject("deployment_id", UUID.class), rs.getString("version"),
                rs.getString("commit_sha"), rs.getObject("change_id", UUID.class),
                Outcome.valueOf(rs.getString("outcome")), SqlTime.instant(rs, "finished_at"),
                rs.getBigDecimal("score").doubleValue(), rs.getString("reason"),
                verdict == null ? null : new Decision(Decision.Verdict.valueOf(verdict), rs.getString("decided_by"),
                        SqlTime.instant(rs, "decided_at"), rs.getString("decision_reason")), rs.getString("made_by"));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var service = rs.getString("service");
        var environment = rs.getString("environment");
        var title = rs.getString("title");
        var description = rs.getString("description");
        var source = Source.valueOf(rs.getString("source"));
        var rating = new Rating(Level.valueOf(rs.getString("impact")), Level.valueOf(rs.getString("urgency")),
                Priority.valueOf(rs.getString("priority")));
        var fingerprint = rs.getString("fingerprint");
        var alertName = rs.getString("alert_name");
        var startedAt = SqlTime.instant(rs, "started_at");
        var openedAt = SqlTime.instant(rs, "opened_at");
        var reportedBy = rs.getString("reported_by");
        var version = rs.getInt("version");
        var state = State.valueOf(rs.getString("state"));
        var occurrences = rs.getInt("occurrences");
        var lastSeenAt = SqlTime.nullableInstant(rs, "last_seen_at");
        var acknowledged = stamp(rs, "acknowledged");
        var assignment = new Assignment(rs.getString("assignee"), rs.getString("assignment_group"));
        var holdReason = rs.getString("hold_reason");
        var resolved = stamp(rs, "resolved");
        var closed = stamp(rs, "closed");
        return new Row(id, (suspects, knownErrors) -> Incident.restore(id, service, environment, title, description,
                source, rating, fingerprint, alertName, startedAt, openedAt, reportedBy, suspects, knownErrors, version,
                state, occurrences, lastSeenAt, acknowledged, assignment, holdReason, resolved, closed));
    }

    /** The {@code <what>_at} and {@code <what>_by} columns, when set. */
    private static @Nullable Stamp stamp(ResultSet rs, String what) throws SQLException {
        var at = SqlTime.nullableInstant(rs, what + "_at");
        return at == null ? null : new Stamp(at, rs.getString(what + "_by"));
    }

    private record Row(UUID id,
            java.util.function.BiFunction<List<Suspect>, List<SuggestedKnownError>, Incident> withSuspects) {

        Incident incident(List<Suspect> suspects, List<SuggestedKnownError> knownErrors) {
            return withSuspects.apply(suspects, knownErrors);
        }
    }
}
