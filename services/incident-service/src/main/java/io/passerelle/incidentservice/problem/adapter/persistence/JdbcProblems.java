package io.passerelle.incidentservice.problem.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.problem.IncidentLink;
import io.passerelle.incidentservice.problem.KnownErrorMatch;
import io.passerelle.incidentservice.problem.Problem;
import io.passerelle.incidentservice.problem.ProblemState;
import io.passerelle.incidentservice.problem.Step;
import io.passerelle.incidentservice.problem.port.Problems;
import io.passerelle.incidentservice.timeline.port.Timeline;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcProblems implements Problems {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final Timeline timeline;
    private final JsonMapper json;

    JdbcProblems(JdbcClient jdbc, EventPublisher events, Timeline timeline, JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.timeline = timeline;
        this.json = json;
    }

    @Override
    public void save(Problem problem) {
        if (problem.version() == 0) {
            jdbc.sql("""
                    insert into problem (id, title, description, service, state, raised_by, raised_at)
                    values (:id, :title, :description, :service, :state, :raisedBy, :raisedAt)""")
                    .param("id", problem.id())
                    .param("title", problem.title())
                    .param("description", problem.description(), Types.VARCHAR)
                    .param("service", problem.service(), Types.VARCHAR)
                    .param("state", problem.state().name())
                    .param("raisedBy", problem.raised().by())
                    .param("raisedAt", SqlTime.of(problem.raised().at()))
                    .update();
        }
        update(problem);
        links(problem);
        problem.pullTimeline().forEach(timeline::append);
        events.publish(problem.pullEvents());
    }

    /** Everything that may change after raising; a new problem is inserted at version 1 and updated in place. */
    private void update(Problem p) {
        var match = p.match();
        int updated = jdbc.sql("""
                update problem set state = :state, root_cause = :rootCause, workaround = :workaround,
                    match_service = :matchService, match_alert_name = :matchAlertName,
                    match_labels = cast(:matchLabels as jsonb), fix_change_id = :fixChangeId,
                    duplicate_of = :duplicateOf, investigated_by = :investigatedBy, investigated_at = :investigatedAt,
                    known_error_by = :knownErrorBy, known_error_at = :knownErrorAt, resolved_by = :resolvedBy,
                    resolved_at = :resolvedAt, closed_by = :closedBy, closed_at = :closedAt,
                    version = version + :increment
                where id = :id and version = :version""")
                .param("id", p.id())
                .param("version", Math.max(p.version(), 1))
                .param("increment", p.version() == 0 ? 0 : 1)
                .param("state", p.state().name())
                .param("rootCause", p.rootCause(), Types.VARCHAR)
                .param("workaround", p.workaround(), Types.VARCHAR)
                .param("matchService", match == null ? null : match.service(), Types.VARCHAR)
                .param("matchAlertName", match == null ? null : match.alertName(), Types.VARCHAR)
                .param("matchLabels", match == null ? null : json.writeValueAsString(match.labels()), Types.VARCHAR)
                .param("fixChangeId", p.fixChangeId(), Types.OTHER)
                .param("duplicateOf", p.duplicateOf(), Types.OTHER)
                .param("investigatedBy", by(p.investigated()), Types.VARCHAR)
                .param("investigatedAt", at(p.investigated()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("knownErrorBy", by(p.knownError()), Types.VARCHAR)
                .param("knownErrorAt", at(p.knownError()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("resolvedBy", by(p.resolved()), Types.VARCHAR)
                .param("resolvedAt", at(p.resolved()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("closedBy", by(p.closed()), Types.VARCHAR)
                .param("closedAt", at(p.closed()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
        if (updated != 1) {
            throw RuleViolationException.conflict("problem " + p.id() + " was changed meanwhile; try again");
        }
    }

    /** The stored links become the problem's: those it no longer has go, new ones come. */
    private void links(Problem problem) {
        var ids = problem.incidentIds();
        jdbc.sql("delete from problem_incident where problem_id = :id and not (incident_id = any(:ids))")
                .param("id", problem.id())
                .param("ids", ids.toArray(UUID[]::new))
                .update();
        for (var link : problem.incidents()) {
            jdbc.sql("""
                    insert into problem_incident (problem_id, incident_id, linked_at, linked_by)
                    values (:problemId, :incidentId, :linkedAt, :linkedBy)
                    on conflict (problem_id, incident_id) do nothing""")
                    .param("problemId", problem.id())
                    .param("incidentId", link.incidentId())
                    .param("linkedAt", SqlTime.of(link.linkedAt()))
                    .param("linkedBy", link.linkedBy())
                    .update();
        }
    }

    @Override
    public Optional<Problem> byId(UUID id) {
        return withIncidents(jdbc.sql("select * from problem where id = :id").param("id", id).query(this::row)
                .list()).stream().findFirst();
    }

    @Override
    public List<Problem> list(@Nullable ProblemState state, @Nullable String service, @Nullable String text,
            int limit, int offset) {
        return withIncidents(jdbc.sql("""
                select * from problem
                where (cast(:state as text) is null or state = :state)
                  and (cast(:service as text) is null or service = :service)
                  and (cast(:pattern as text) is null or title ilike :pattern or description ilike :pattern
                       or root_cause ilike :pattern or workaround ilike :pattern)
                order by raised_at desc, id
                limit :limit offset :offset""")
                .param("state", state == null ? null : state.name(), Types.VARCHAR)
                .param("service", service, Types.VARCHAR)
                .param("pattern", text == null ? null : "%" + likeEscaped(text) + "%", Types.VARCHAR)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::row).list());
    }

    @Override
    public List<Problem> knownErrors() {
        return withIncidents(jdbc.sql("select * from problem where state = 'KNOWN_ERROR' order by known_error_at desc")
                .query(this::row).list());
    }

    /** {@code 100%_sure} → {@code 100\%\_sure}: the text as itself in an ILIKE pattern (backslash escapes). */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private List<Problem> withIncidents(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<IncidentLink>> links = new HashMap<>();
        jdbc.sql("""
                select * from problem_incident where problem_id in (:ids)
                order by problem_id, linked_at, incident_id""")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> Map.entry(rs.getObject("problem_id", UUID.class), new IncidentLink(
                        rs.getObject("incident_id", UUID.class), SqlTime.instant(rs, "linked_at"),
                        rs.getString("linked_by"))))
                .list()
                .forEach(e -> links.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> r.problem(links.getOrDefault(r.id(), List.of()))).toList();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var title = rs.getString("title");
        var description = rs.getString("description");
        var service = rs.getString("service");
        var raised = new Step(rs.getString("raised_by"), SqlTime.instant(rs, "raised_at"));
        var version = rs.getInt("version");
        var state = ProblemState.valueOf(rs.getString("state"));
        var rootCause = rs.getString("root_cause");
        var workaround = rs.getString("workaround");
        var labels = rs.getString("match_labels");
        var match = labels == null ? null : new KnownErrorMatch(rs.getString("match_service"),
                rs.getString("match_alert_name"), json.readValue(labels, LABELS));
        var fixChangeId = rs.getObject("fix_change_id", UUID.class);
        var duplicateOf = rs.getObject("duplicate_of", UUID.class);
        var investigated = step(rs, "investigated");
        var knownError = step(rs, "known_error");
        var resolved = step(rs, "resolved");
        var closed = step(rs, "closed");
        return new Row(id, links -> Problem.restore(id, title, description, service, raised, version, state,
                rootCause, workaround, match, fixChangeId, duplicateOf, investigated, knownError, resolved, closed,
                links));
    }

    private static @Nullable Step step(ResultSet rs, String prefix) throws SQLException {
        var at = SqlTime.nullableInstant(rs, prefix + "_at");
        return at == null ? null : new Step(rs.getString(prefix + "_by"), at);
    }

    private static @Nullable String by(@Nullable Step step) {
        return step == null ? null : step.by();
    }

    private static @Nullable OffsetDateTime at(@Nullable Step step) {
        return step == null ? null : SqlTime.of(step.at());
    }

    private record Row(UUID id, java.util.function.Function<List<IncidentLink>, Problem> withIncidents) {

        Problem problem(List<IncidentLink> links) {
            return withIncidents.apply(links);
        }
    }
}
