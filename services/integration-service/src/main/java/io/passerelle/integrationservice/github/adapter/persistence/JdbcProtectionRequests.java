package io.passerelle.integrationservice.github.adapter.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.executor.Decision;
import io.passerelle.integrationservice.github.ProtectionRequest;
import io.passerelle.integrationservice.github.Review;
import io.passerelle.integrationservice.github.ReviewClaim;
import io.passerelle.integrationservice.github.port.ProtectionRequests;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.platform.trace.TraceCarrier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code protection_request}, each row the outbox of its review, claimed with a lease as {@code deployment_dispatch}
 * is. Times come from the service's {@code Clock}; the lease is the fencing token of a claim.
 */
@Repository
class JdbcProtectionRequests implements ProtectionRequests {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TraceCarrier traces;
    private final JsonMapper json;

    JdbcProtectionRequests(JdbcClient jdbc, TraceCarrier traces, JsonMapper json) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.json = json;
    }

    @Override
    public void add(ProtectionRequest request) {
        jdbc.sql("""
                insert into protection_request (gate_id, delivery_id, repository, service, environment,
                    environment_name, commit_sha, run_id, callback_url, installation_id, actor, requested_at, state,
                    updated_at)
                values (:gate, :delivery, :repository, :service, :environment, :environmentName, :sha, :run,
                    :callback, :installation, :actor, :at, 'AWAITING_DECISION', :at)""")
                .param("gate", request.gateId())
                .param("delivery", request.deliveryId())
                .param("repository", request.repository())
                .param("service", request.service())
                .param("environment", request.environment())
                .param("environmentName", request.environmentName())
                .param("sha", request.commitSha())
                .param("run", request.runId())
                .param("callback", request.callbackUrl())
                .param("installation", request.installationId())
                .param("actor", request.actor())
                .param("at", SqlTime.of(request.requestedAt()))
                .update();
    }

    @Override
    public boolean queueReview(UUID gateId, Review review, Instant at) {
        return jdbc.sql("""
                update protection_request set state = 'PENDING', review_state = :review, comment = :comment,
                    decided_at = :at, next_attempt_at = :at, updated_at = :at, trace_context = cast(:trace as jsonb)
                where gate_id = :gate and state = 'AWAITING_DECISION'""")
                .param("review", review.state().wire())
                .param("comment", review.comment())
                .param("at", SqlTime.of(at))
                .param("trace", json.writeValueAsString(traces.current()))
                .param("gate", gateId)
                .update() == 1;
    }

    @Override
    public List<ReviewClaim> claim(int limit, Instant now, Duration lease) {
        return jdbc.sql("""
                update protection_request set state = 'IN_FLIGHT', lease_until = :leaseUntil, updated_at = :now
                where gate_id in (
                    select gate_id from protection_request
                    where (state = 'PENDING' and next_attempt_at <= :now) or (state = 'IN_FLIGHT' and lease_until < :now)
                    order by next_attempt_at limit :limit for update skip locked)
                returning gate_id, installation_id, callback_url, environment_name, review_state, comment, attempts,
                    reason, decided_at, lease_until, trace_context""")
                .param("leaseUntil", SqlTime.of(now.plus(lease).truncatedTo(ChronoUnit.MICROS)))
                .param("now", SqlTime.of(now))
                .param("limit", limit)
                .query((rs, i) -> new ReviewClaim(rs.getObject("gate_id", UUID.class), rs.getLong("installation_id"),
                        rs.getString("callback_url"), rs.getString("environment_name"),
                        new Review(Review.State.ofWire(rs.getString("review_state")), rs.getString("comment")),
                        rs.getInt("attempts"), rs.getString("reason"), SqlTime.instant(rs, "decided_at"),
                        SqlTime.instant(rs, "lease_until"), json.readValue(rs.getString("trace_context"), FIELDS)))
                .list();
    }

    @Override
    public Optional<Instant> nextDue() {
        return jdbc.sql("""
                select least(min(next_attempt_at) filter (where state = 'PENDING'),
                             min(lease_until) filter (where state = 'IN_FLIGHT')) as due
                from protection_request where state in ('PENDING', 'IN_FLIGHT')""")
                .query((rs, i) -> Optional.ofNullable(SqlTime.nullableInstant(rs, "due")))
                .single();
    }

    @Override
    public boolean startAttempt(ReviewClaim claim, Instant at) {
        return jdbc.sql("""
                update protection_request set attempts = attempts + 1, updated_at = :at
                where gate_id = :gate and state = 'IN_FLIGHT' and lease_until = :lease""")
                .param("at", SqlTime.of(at))
                .param("gate", claim.gateId())
                .param("lease", SqlTime.of(claim.leaseUntil()))
                .update() == 1;
    }

    @Override
    public boolean settle(ReviewClaim claim, Decision decision, Instant at) {
        return jdbc.sql("""
                update protection_request set state = :state, attempts = :attempts, reason = :reason,
                    next_attempt_at = :next, lease_until = null, updated_at = :at
                where gate_id = :gate and state = 'IN_FLIGHT' and lease_until = :lease""")
                .param("state", switch (decision) {
                    case Decision.Dispatched d -> "ANSWERED";
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
                .param("at", SqlTime.of(at))
                .param("gate", claim.gateId())
                .param("lease", SqlTime.of(claim.leaseUntil()))
                .update() == 1;
    }
}
