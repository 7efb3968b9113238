package io.passerelle.changeservice.change.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.changeservice.change.ApprovalPolicy;
import io.passerelle.changeservice.change.AuditEntry;
import io.passerelle.changeservice.change.CausedIncident;
import io.passerelle.changeservice.change.ChangeOutcome;
import io.passerelle.changeservice.change.ChangeRequest;
import io.passerelle.changeservice.change.ChangeState;
import io.passerelle.changeservice.change.ChangeType;
import io.passerelle.changeservice.change.Decision;
import io.passerelle.changeservice.change.Hold;
import io.passerelle.changeservice.change.Milestones;
import io.passerelle.changeservice.change.Proposal;
import io.passerelle.changeservice.change.Verdict;
import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.changeservice.risk.RiskAssessment;
import io.passerelle.changeservice.risk.RiskFactor;
import io.passerelle.changeservice.standardchange.TemplateRef;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.AfterCommit;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Change requests in four tables: the request, its decisions, its append-only audit trail and the incidents it caused.
 * Saving a change publishes the events it registered, in the same transaction (the outbox), and counts the changes that
 * ended ({@value #ENDED}) and the incidents changes caused ({@value #CAUSED_INCIDENTS}) once that transaction commits.
 */
@Repository
class JdbcChanges implements Changes {

    /** Changes that ended, by service, environment, type and outcome (successful, failed, backed_out, rejected, cancelled). */
    static final String ENDED = "passerelle.changes.ended";
    /** Incidents confirmed to be caused by a change, by the change's service, environment and type and their priority. */
    static final String CAUSED_INCIDENTS = "passerelle.changes.caused.incidents";

    private static final String SELECT = """
            select r.id, r.type, r.state, r.service, r.environment, r.title, r.description, r.requested_by,
                   r.deployment_id, r.release_id, r.raised_at, r.authorized_at, r.authorized_by,
                   r.implementation_started_at, r.implementation_ended_at, r.outcome, r.failure_reason, r.reviewed_by,
                   r.reviewed_at, r.review, r.closed_at, r.decided_under_environment, r.decided_under_service,
                   r.decided_under_version, r.risk_score, r.risk_factors::text as risk_factors, r.risk_assessed_at,
                   r.standard_template_id, r.standard_template_version, t.name as standard_template_name,
                   r.held_until, r.held_by, r.held_by_names, r.version
            from change_request r
            left join standard_change_template t
                   on t.id = r.standard_template_id and t.version = r.standard_template_version""";
    private static final TypeReference<List<RiskFactor>> FACTORS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final JsonMapper json;
    private final MeterRegistry meters;

    JdbcChanges(JdbcClient jdbc, EventPublisher events, JsonMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public Optional<ChangeRequest> find(UUID id) {
        return load("where r.id = :id", Map.of("id", id), "").stream().findFirst();
    }

    @Override
    public Optional<ChangeRequest> findByDeployment(UUID deploymentId) {
        return load("where r.deployment_id = :id", Map.of("id", deploymentId), "").stream().findFirst();
    }

    @Override
    public List<ChangeRequest> list(@Nullable String service, @Nullable ChangeState state) {
        var params = new HashMap<String, @Nullable Object>();
        params.put("service", service);
        params.put("state", state == null ? null : state.name());
        return load("""
                where (cast(:service as text) is null or r.service = :service)
                  and (cast(:state as text) is null or r.state = :state)""", params,
                "order by r.raised_at desc, r.seq desc");
    }

    @Override
    public List<ChangeRequest> heldUntil(Instant now, int limit) {
        return load("where r.state = 'SCHEDULED' and r.held_until <= :now", Map.of("now", SqlTime.of(now)),
                "order by r.held_until, r.seq limit " + limit + " for update of r skip locked");
    }

    @Override
    public List<ChangeRequest> heldBy(UUID windowId) {
        return load("where r.state = 'SCHEDULED' and cast(:window as uuid) = any (r.held_by)",
                Map.of("window", windowId), "order by r.held_until, r.seq for update of r");
    }

    @Override
    public Optional<Instant> nextHoldOver() {
        return jdbc.sql("select min(held_until) as next from change_request where held_until is not null")
                .query((rs, n) -> Optional.ofNullable(SqlTime.nullableInstant(rs, "next"))).single();
    }

    @Override
    public List<ChangeRequest> notImplementing(String service, @Nullable String environment) {
        var params = new HashMap<String, @Nullable Object>();
        params.put("service", service);
        params.put("environment", environment);
        return load("""
                where r.service = :service and (cast(:environment as text) is null or r.environment = :environment)
                  and r.state in ('PENDING_APPROVAL', 'SCHEDULED')""", params, "order by r.raised_at, r.seq");
    }

    @Override
    public void save(ChangeRequest change) {
        if (change.version() == 0) {
            insert(change);
        } else {
            update(change);
        }
        appendDecisions(change);
        appendAudit(change);
        appendCausedIncidents(change);
        events.publish(change.pullEvents());
    }

    /** Only the incidents recorded since the change was read; each is counted once the transaction commits. */
    private void appendCausedIncidents(ChangeRequest change) {
        for (var c : change.newCausedIncidents()) {
            jdbc.sql("""
                    insert into change_incident (change_id, incident_id, deployment_id, priority, confirmed_by,
                        confirmed_at, reason)
                    values (:id, :incident, :deployment, :priority, :by, :at, :reason)""")
                    .param("id", change.id()).param("incident", c.incidentId()).param("deployment", c.deploymentId())
                    .param("priority", c.priority()).param("by", c.confirmedBy())
                    .param("at", SqlTime.of(c.confirmedAt())).param("reason", c.reason())
                    .update();
            var counter = Counter.builder(CAUSED_INCIDENTS).description("Incidents confirmed to be caused by a change")
                    .tags("service", change.service(), "environment", change.environment(),
                            "type", change.type().name(), "priority", c.priority())
                    .register(meters);
            AfterCommit.run(counter::increment);
        }
    }

    /** Only the decisions taken since the change was read: the stored ones are never written again. */
    private void appendDecisions(ChangeRequest change) {
        var added = change.newDecisions();
        int position = change.decisions().size() - added.size();
        for (var d : added) {
            jdbc.sql("""
                    insert into change_decision (change_id, position, decided_by, verdict, comment, decided_at)
                    values (:id, :position, :by, :verdict, :comment, :at)""")
                    .param("id", change.id()).param("position", position++).param("by", d.by())
                    .param("verdict", d.verdict().name()).param("comment", d.comment())
                    .param("at", SqlTime.of(d.at()))
                    .update();
        }
    }

    /** Only the audit entries since the change was read: the trail is append-only. */
    private void appendAudit(ChangeRequest change) {
        var added = change.newAuditEntries();
        int position = change.auditTrail().size() - added.size();
        for (var a : added) {
            jdbc.sql("""
                    insert into change_audit (change_id, position, at, actor, action, state, detail)
                    values (:id, :position, :at, :actor, :action, :state, :detail)""")
                    .param("id", change.id()).param("position", position++).param("at", SqlTime.of(a.at()))
                    .param("actor", a.by()).param("action", a.action().name()).param("state", a.state().name())
                    .param("detail", a.detail())
                    .update();
            var outcome = outcome(a);
            if (outcome != null) {
                var counter = Counter.builder(ENDED).description("Changes that ended, by outcome")
                        .tags("service", change.service(), "environment", change.environment(),
                                "type", change.type().name(), "outcome", outcome)
                        .register(meters);
                AfterCommit.run(counter::increment);
            }
        }
    }

    /** How the change ended, when this entry ends it (a rejection that the policy does not make final does not). */
    private static @Nullable String outcome(AuditEntry entry) {
        return switch (entry.action()) {
            case CLOSED -> "successful";
            case FAILED -> "failed";
            case BACKED_OUT -> "backed_out";
            case CANCELLED -> "cancelled";
            case REJECTED -> entry.state() == ChangeState.REJECTED ? "rejected" : null;
            default -> null;
        };
    }

    private void insert(ChangeRequest change) {
        var p = change.proposal();
        jdbc.sql("""
                insert into change_request (id, type, state, service, environment, title, description, requested_by,
                    deployment_id, release_id, raised_at, authorized_at, authorized_by, implementation_started_at,
                    implementation_ended_at, outcome, failure_reason, reviewed_by, reviewed_at, review, closed_at,
                    decided_under_environment, decided_under_service, decided_under_version, risk_score, risk_factors,
                    risk_assessed_at, standard_template_id, standard_template_version, held_until, held_by,
                    held_by_names, version)
                values (:id, :type, :state, :service, :environment, :title, :description, :requestedBy,
                    :deploymentId, :releaseId, :raisedAt, :authorizedAt, :authorizedBy, :startedAt, :endedAt,
                    :outcome, :failureReason, :reviewedBy, :reviewedAt, :review, :closedAt,
                    :policyEnvironment, :policyService, :policyVersion, :riskScore, cast(:riskFactors as jsonb),
                    :riskAssessedAt, :templateId, :templateVersion, :heldUntil, :heldBy, :heldByNames, 1)""")
                .param("id", change.id()).param("type", p.type().name()).param("state", change.state().name())
                .param("service", p.service()).param("environment", p.environment()).param("title", p.title())
                .param("description", p.description()).param("requestedBy", p.requestedBy())
                .param("deploymentId", p.deploymentId()).param("releaseId", p.releaseId())
                .param("raisedAt", SqlTime.of(change.raisedAt()))
                .params(milestones(change.milestones()))
                .params(decidedUnder(change))
                .params(assessed(change))
                .param("templateId", change.standardTemplate() == null ? null : change.standardTemplate().id())
                .param("templateVersion", change.standardTemplate() == null ? null : change.standardTemplate().version())
                .update();
    }

    /** The risk as last assessed and what holds the change, as columns. */
    private Map<String, @Nullable Object> assessed(ChangeRequest change) {
        var values = new HashMap<String, @Nullable Object>();
        var risk = change.risk();
        values.put("riskScore", risk == null ? null : risk.score());
        values.put("riskFactors", risk == null ? null : json.writeValueAsString(risk.factors()));
        values.put("riskAssessedAt", risk == null ? null : SqlTime.of(risk.assessedAt()));
        var hold = change.hold();
        values.put("heldUntil", hold == null ? null : SqlTime.of(hold.until()));
        values.put("heldBy", hold == null ? null : hold.windowIds().toArray(UUID[]::new));
        values.put("heldByNames", hold == null ? null : hold.windowNames().toArray(String[]::new));
        return values;
    }

    private static Map<String, @Nullable Object> milestones(Milestones m) {
        var values = new HashMap<String, @Nullable Object>();
        values.put("authorizedAt", SqlTime.ofNullable(m.authorizedAt()));
        values.put("authorizedBy", m.authorizedBy());
        values.put("startedAt", SqlTime.ofNullable(m.implementationStartedAt()));
        values.put("endedAt", SqlTime.ofNullable(m.implementationEndedAt()));
        values.put("outcome", m.outcome() == null ? null : m.outcome().name());
        values.put("failureReason", m.failureReason());
        values.put("reviewedBy", m.review() == null ? null : m.review().by());
        values.put("reviewedAt", m.review() == null ? null : SqlTime.of(m.review().at()));
        values.put("review", m.review() == null ? null : m.review().text());
        values.put("closedAt", SqlTime.ofNullable(m.closedAt()));
        return values;
    }

    private static Map<String, @Nullable Object> decidedUnder(ChangeRequest change) {
        var policy = change.decidedUnder();
        var values = new HashMap<String, @Nullable Object>();
        values.put("policyEnvironment", policy == null ? null : policy.environment());
        values.put("policyService", policy == null ? null : policy.service());
        values.put("policyVersion", policy == null ? null : policy.version());
        return values;
    }

    private void update(ChangeRequest change) {
        int updated = jdbc.sql("""
                update change_request set state = :state, authorized_at = :authorizedAt,
                    authorized_by = :authorizedBy, implementation_started_at = :startedAt,
                    implementation_ended_at = :endedAt, outcome = :outcome, failure_reason = :failureReason,
                    reviewed_by = :reviewedBy, reviewed_at = :reviewedAt, review = :review, closed_at = :closedAt,
                    risk_score = :riskScore, risk_factors = cast(:riskFactors as jsonb),
                    risk_assessed_at = :riskAssessedAt, held_until = :heldUntil, held_by = :heldBy,
                    held_by_names = :heldByNames, decided_under_environment = :policyEnvironment, decided_under_service = :policyService,
                    decided_under_version = :policyVersion, version = version + 1
                where id = :id and version = :version""")
                .param("state", change.state().name())
                .params(milestones(change.milestones()))
                .param("id", change.id()).param("version", change.version())
                .params(decidedUnder(change))
                .params(assessed(change))
                .update();
        if (updated != 1) {
            throw RuleViolationException.conflict("Change " + change.id()
                    + " was changed by someone else meanwhile; read it again and retry");
        }
    }

    /**
     * Loads the changes that match the filter with their decisions, audit trails and caused incidents: four queries
     * whatever the number of changes.
     */
    private List<ChangeRequest> load(String where, Map<String, ? extends @Nullable Object> params, String orderBy) {
        var rows = jdbc.sql(SELECT + " " + where + " " + orderBy).params(params).query(this::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Decision>> decisions = jdbc.sql("""
                select d.change_id, d.decided_by, d.verdict, d.comment, d.decided_at
                from change_decision d join change_request r on r.id = d.change_id
                """ + where + " order by d.change_id, d.position")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getObject("change_id", UUID.class), new Decision(
                        rs.getString("decided_by"), Verdict.valueOf(rs.getString("verdict")), rs.getString("comment"),
                        SqlTime.instant(rs, "decided_at"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<UUID, List<AuditEntry>> audits = jdbc.sql("""
                select a.change_id, a.at, a.actor, a.action, a.state, a.detail
                from change_audit a join change_request r on r.id = a.change_id
                """ + where + " order by a.change_id, a.position")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getObject("change_id", UUID.class), new AuditEntry(
                        SqlTime.instant(rs, "at"), rs.getString("actor"),
                        AuditEntry.Action.valueOf(rs.getString("action")),
                        auditedState(rs.getString("state")), rs.getString("detail"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<UUID, List<CausedIncident>> caused = jdbc.sql("""
                select i.change_id, i.incident_id, i.deployment_id, i.priority, i.confirmed_by, i.confirmed_at, i.reason
                from change_incident i join change_request r on r.id = i.change_id
                """ + where + " order by i.change_id, i.seq")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getObject("change_id", UUID.class), new CausedIncident(
                        rs.getObject("incident_id", UUID.class), rs.getObject("deployment_id", UUID.class),
                        rs.getString("priority"), rs.getString("confirmed_by"), SqlTime.instant(rs, "confirmed_at"),
                        rs.getString("reason"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        var changes = new ArrayList<ChangeRequest>(rows.size());
        for (var r : rows) {
            changes.add(ChangeRequest.restore(r.id(), r.proposal(), r.state(), r.raisedAt(), r.milestones(),
                    r.risk(), r.standardTemplate(), r.hold(), r.decidedUnder(),
                    decisions.getOrDefault(r.id(), List.of()),
                    audits.getOrDefault(r.id(), List.of()), caused.getOrDefault(r.id(), List.of()), r.version()));
        }
        return changes;
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        var proposal = new Proposal(ChangeType.valueOf(rs.getString("type")), rs.getString("service"),
                rs.getString("environment"), rs.getString("title"), rs.getString("description"),
                rs.getString("requested_by"), rs.getObject("deployment_id", UUID.class),
                rs.getObject("release_id", UUID.class));
        return new Row(rs.getObject("id", UUID.class), proposal, ChangeState.valueOf(rs.getString("state")),
                SqlTime.instant(rs, "raised_at"), milestones(rs), risk(rs), standardTemplate(rs), hold(rs),
                rs.getObject("decided_under_version") == null ? null : new ApprovalPolicy.Ref(
                        rs.getString("decided_under_environment"), rs.getString("decided_under_service"),
                        rs.getInt("decided_under_version")),
                rs.getInt("version"));
    }

    private static Milestones milestones(ResultSet rs) throws SQLException {
        var outcome = rs.getString("outcome");
        var reviewedAt = SqlTime.nullableInstant(rs, "reviewed_at");
        return new Milestones(SqlTime.nullableInstant(rs, "authorized_at"), rs.getString("authorized_by"),
                SqlTime.nullableInstant(rs, "implementation_started_at"),
                SqlTime.nullableInstant(rs, "implementation_ended_at"),
                outcome == null ? null : ChangeOutcome.valueOf(outcome), rs.getString("failure_reason"),
                reviewedAt == null ? null
                        : new Milestones.Review(rs.getString("reviewed_by"), rs.getString("review"), reviewedAt),
                SqlTime.nullableInstant(rs, "closed_at"));
    }

    /**
     * The state an audit entry left its change in. The trail is append-only and keeps the words of its time: entries
     * written before the ITIL lifecycle (migration V4) name AUTHORIZED, now SCHEDULED, and FAILED, now REVIEW.
     */
    private static ChangeState auditedState(String stored) {
        return switch (stored) {
            case "AUTHORIZED" -> ChangeState.SCHEDULED;
            case "FAILED" -> ChangeState.REVIEW;
            default -> ChangeState.valueOf(stored);
        };
    }

    private @Nullable RiskAssessment risk(ResultSet rs) throws SQLException {
        var factors = rs.getString("risk_factors");
        return factors == null ? null : new RiskAssessment(rs.getInt("risk_score"), json.readValue(factors, FACTORS),
                SqlTime.instant(rs, "risk_assessed_at"));
    }

    private static @Nullable TemplateRef standardTemplate(ResultSet rs) throws SQLException {
        var id = rs.getObject("standard_template_id", UUID.class);
        return id == null ? null
                : new TemplateRef(id, rs.getInt("standard_template_version"), rs.getString("standard_template_name"));
    }

    private static @Nullable Hold hold(ResultSet rs) throws SQLException {
        var until = SqlTime.nullableInstant(rs, "held_until");
        return until == null ? null : new Hold(List.of((UUID[]) rs.getArray("held_by").getArray()),
                List.of((String[]) rs.getArray("held_by_names").getArray()), until);
    }

    private record Row(UUID id, Proposal proposal, ChangeState state, Instant raisedAt, Milestones milestones,
            @Nullable RiskAssessment risk, @Nullable TemplateRef standardTemplate, @Nullable Hold hold,
            ApprovalPolicy.@Nullable Ref decidedUnder, int version) {
    }
}
