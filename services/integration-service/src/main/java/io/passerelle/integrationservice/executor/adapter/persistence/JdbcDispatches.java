package io.passerelle.integrationservice.executor.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.executor.Claim;
import io.passerelle.integrationservice.executor.Decision;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.DeploymentOutcome;
import io.passerelle.integrationservice.executor.DeploymentRequest;
import io.passerelle.integrationservice.executor.RecordedDispatch;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.Watch;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.platform.trace.TraceCarrier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code deployment_dispatch} as an outbox for outbound HTTP. Times come from the service's {@code Clock} (not the
 * database's {@code now()}), so that due times, leases and the events agree. A request keeps the trace context it was
 * made in ({@code trace_context}), handed to the claim that makes the call.
 */
@Repository
class JdbcDispatches implements Dispatches {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    /** What a claim and a watch read. */
    private static final String CALL_COLUMNS = """
            deployment_id, service, environment, executor, target_url, target_settings, credential_sealed, body,
            trace_context""";

    private final JdbcClient jdbc;
    private final TraceCarrier traces;
    private final JsonMapper json;

    JdbcDispatches(JdbcClient jdbc, TraceCarrier traces, JsonMapper json) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.json = json;
    }

    @Override
    public boolean request(DeploymentRequest request, DeployCall call, Instant at) {
        return upsert(request, "PENDING", json.writeValueAsString(call), null, at);
    }

    @Override
    public boolean refuse(DeploymentRequest request, String reason, Instant at) {
        return upsert(request, "FAILED", null, reason, at);
    }

    /** Only a deployment without a dispatch, or whose dispatch FAILED, is (re)written; concurrent requests wait. */
    private boolean upsert(DeploymentRequest request, String state, @Nullable String body, @Nullable String reason,
            Instant at) {
        return jdbc.sql("""
                insert into deployment_dispatch (deployment_id, service, environment, target_url, state, attempts,
                    reason, body, requested_at, next_attempt_at, lease_until, updated_at, trace_context, executor,
                    deadline, target_settings, credential_sealed)
                values (:id, :service, :environment, :url, :state, 0, :reason, :body, :at,
                    case when :state = 'PENDING' then cast(:at as timestamptz) end, null, :at, cast(:trace as jsonb),
                    :executor, :deadline, cast(:settings as jsonb), :credential)
                on conflict (deployment_id) do update set service = excluded.service,
                    environment = excluded.environment, target_url = excluded.target_url, state = excluded.state,
                    attempts = 0, reason = excluded.reason, body = excluded.body,
                    requested_at = excluded.requested_at, next_attempt_at = excluded.next_attempt_at,
                    lease_until = null, updated_at = excluded.updated_at, trace_context = excluded.trace_context,
                    executor = excluded.executor, deadline = excluded.deadline,
                    target_settings = excluded.target_settings, credential_sealed = excluded.credential_sealed,
                    external_ref = null, next_check_at = null, checks = 0
                where deployment_dispatch.state = 'FAILED'""")
                .param("id", request.deploymentId())
                .param("service", request.service())
                .param("environment", request.environment())
                .param("url", request.targetUrl())
                .param("state", state)
                .param("reason", reason)
                .param("body", body)
                .param("at", SqlTime.of(at))
                .param("trace", json.writeValueAsString(traces.current()))
                .param("executor", request.targetType())
                .param("deadline", SqlTime.ofNullable(request.deadline()))
                .param("settings", json.writeValueAsString(request.target().settings()))
                .param("credential", request.target().credentialSealed())
                .update() == 1;
    }

    @Override
    public List<Claim> claim(int limit, Instant now, Duration lease) {
        return jdbc.sql("""
                update deployment_dispatch set state = 'IN_FLIGHT', lease_until = :leaseUntil, updated_at = :now
                where deployment_id in (
                    select deployment_id from deployment_dispatch
                    where (state = 'PENDING' and next_attempt_at <= :now) or (state = 'IN_FLIGHT' and lease_until < :now)
                    order by next_attempt_at limit :limit for update skip locked)
                returning %s, attempts, reason, requested_at, lease_until""".formatted(CALL_COLUMNS))
                .param("leaseUntil", SqlTime.of(now.plus(lease).truncatedTo(ChronoUnit.MICROS)))
                .param("now", SqlTime.of(now))
                .param("limit", limit)
                .query((rs, i) -> new Claim(rs.getObject("deployment_id", UUID.class), rs.getString("service"),
                        rs.getString("environment"), target(rs), json.readValue(rs.getString("body"), DeployCall.class),
                        rs.getInt("attempts"), rs.getString("reason"), SqlTime.instant(rs, "requested_at"),
                        SqlTime.instant(rs, "lease_until"), json.readValue(rs.getString("trace_context"), FIELDS)))
                .list();
    }

    @Override
    public List<Watch> claimWatches(int limit, Instant now, Duration lease) {
        return jdbc.sql("""
                update deployment_dispatch set lease_until = :leaseUntil, next_check_at = :leaseUntil, updated_at = :now
                where deployment_id in (
                    select deployment_id from deployment_dispatch
                    where state = 'DISPATCHED' and next_check_at <= :now and (deadline is null or deadline > :now)
                    order by next_check_at limit :limit for update skip locked)
                returning %s, external_ref, checks, lease_until, deadline""".formatted(CALL_COLUMNS))
                .param("leaseUntil", SqlTime.of(now.plus(lease).truncatedTo(ChronoUnit.MICROS)))
                .param("now", SqlTime.of(now))
                .param("limit", limit)
                .query((rs, i) -> new Watch(rs.getObject("deployment_id", UUID.class), rs.getString("service"),
                        rs.getString("environment"), target(rs), json.readValue(rs.getString("body"), DeployCall.class),
                        rs.getString("external_ref"), rs.getInt("checks"), SqlTime.instant(rs, "lease_until"),
                        SqlTime.nullableInstant(rs, "deadline"), json.readValue(rs.getString("trace_context"), FIELDS)))
                .list();
    }

    @Override
    public Optional<Instant> nextWatchDue() {
        return jdbc.sql("""
                select min(next_check_at) as due from deployment_dispatch
                where state = 'DISPATCHED' and next_check_at is not null""")
                .query((rs, i) -> Optional.ofNullable(SqlTime.nullableInstant(rs, "due")))
                .single();
    }

    /** The lease is the fencing token, as for a claim. */
    @Override
    public boolean rewatch(Watch watch, String reference, Instant nextCheckAt, Instant at) {
        return jdbc.sql("""
                update deployment_dispatch set external_ref = :reference, next_check_at = :next, checks = checks + 1,
                    lease_until = null, updated_at = :at
                where deployment_id = :id and state = 'DISPATCHED' and lease_until = :lease""")
                .param("reference", reference)
                .param("next", SqlTime.of(nextCheckAt))
                .param("at", SqlTime.of(at))
                .param("id", watch.deploymentId())
                .param("lease", SqlTime.of(watch.leaseUntil()))
                .update() == 1;
    }

    private Target target(ResultSet rs) throws SQLException {
        return new Target(rs.getString("executor"), rs.getString("target_url"),
                json.readValue(rs.getString("target_settings"), FIELDS), rs.getString("credential_sealed"));
    }

    @Override
    public Optional<Instant> nextDue() {
        return jdbc.sql("""
                select least(min(next_attempt_at) filter (where state = 'PENDING'),
                             min(lease_until) filter (where state = 'IN_FLIGHT')) as due
                from deployment_dispatch where state in ('PENDING', 'IN_FLIGHT')""")
                .query((rs, i) -> Optional.ofNullable(SqlTime.nullableInstant(rs, "due")))
                .single();
    }

    @Override
    public boolean startAttempt(Claim claim, Instant at) {
        return jdbc.sql("""
                update deployment_dispatch set attempts = attempts + 1, updated_at = :at
                where deployment_id = :id and state = 'IN_FLIGHT' and lease_until = :lease""")
                .param("at", SqlTime.of(at))
                .param("id", claim.deploymentId())
                .param("lease", SqlTime.of(claim.leaseUntil()))
                .update() == 1;
    }

    @Override
    public boolean recordOutcome(UUID deploymentId, DeploymentOutcome outcome, @Nullable String reason,
            @Nullable UUID deliveryId, Instant at) {
        return jdbc.sql("""
                update deployment_dispatch set state = 'SETTLED', outcome = :outcome, reason = :reason,
                    outcome_delivery_id = :delivery, next_attempt_at = null, lease_until = null, next_check_at = null,
                    updated_at = :at
                where deployment_id = :id and state <> 'SETTLED'""")
                .param("outcome", outcome.name())
                .param("reason", reason)
                .param("delivery", deliveryId)
                .param("at", SqlTime.of(at))
                .param("id", deploymentId)
                .update() == 1;
    }

    /** A FAILED dispatch (it could not be sent) has the outcome FAILED, for the reason it failed. */
    @Override
    public Optional<RecordedDispatch> lockRecorded(UUID deploymentId) {
        return jdbc.sql("""
                select deployment_id, service, environment, executor, target_url, target_settings, credential_sealed,
                    external_ref, state, outcome, reason, outcome_delivery_id, deadline
                from deployment_dispatch where deployment_id = :id for update""")
                .param("id", deploymentId)
                .query((rs, i) -> {
                    var state = rs.getString("state");
                    var outcome = state.equals("FAILED") ? DeploymentOutcome.FAILED
                            : state.equals("SETTLED") ? DeploymentOutcome.valueOf(rs.getString("outcome")) : null;
                    return new RecordedDispatch(rs.getObject("deployment_id", UUID.class), rs.getString("service"),
                            rs.getString("environment"), target(rs), rs.getString("external_ref"), outcome,
                            outcome == null ? null : rs.getString("reason"),
                            rs.getObject("outcome_delivery_id", UUID.class), SqlTime.nullableInstant(rs, "deadline"));
                })
                .optional();
    }

    /** The lease is the fencing token: a claimer whose lease expired and was re-claimed writes nothing. */
    @Override
    public boolean settle(Claim claim, Decision decision, @Nullable String reference, @Nullable Instant checkAt,
            Instant at) {
        return jdbc.sql("""
                update deployment_dispatch set state = :state, attempts = :attempts, reason = :reason,
                    next_attempt_at = :next, lease_until = null, updated_at = :at, external_ref = :reference,
                    next_check_at = :checkAt
                where deployment_id = :id and state = 'IN_FLIGHT' and lease_until = :lease""")
                .param("state", switch (decision) {
                    case Decision.Dispatched d -> "DISPATCHED";
                    case Decision.Retry r -> "PENDING";
                    case Decision.Failed f -> "FAILED";
                })
                .param("attempts", decision.attempts())
                .param("reason", switch (decision) {
                    case Decision.Dispatched d -> null;
                    case Decision.Retry r -> r.failures();
                    case Decision.Failed f -> f.reason();
                })
                .param("next", decision instanceof Decision.Retry r ? SqlTime.of(r.nextAttemptAt()) : null)
                .param("reference", reference)
                .param("checkAt", SqlTime.ofNullable(checkAt))
                .param("at", SqlTime.of(at))
                .param("id", claim.deploymentId())
                .param("lease", SqlTime.of(claim.leaseUntil()))
                .update() == 1;
    }
}
