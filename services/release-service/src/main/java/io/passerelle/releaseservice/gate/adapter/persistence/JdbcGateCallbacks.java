package io.passerelle.releaseservice.gate.adapter.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.platform.outbox.WireFormat;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.gate.GateDecided;
import io.passerelle.releaseservice.gate.port.GateCallbacks;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Table gate_callback. The body is the decision as gate.decided.v1 carries it (same fields, absent ones left out),
 * written once when the decision is made and sent unchanged at every attempt.
 */
@Repository
class JdbcGateCallbacks implements GateCallbacks {

    private final JdbcClient jdbc;
    private final JsonMapper wire;

    JdbcGateCallbacks(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.wire = WireFormat.of(json);
    }

    @Override
    public void schedule(GateDecided decision, Instant at) {
        jdbc.sql("""
                insert into gate_callback (id, gate_id, body, state, attempts, next_attempt_at, created_at)
                values (:id, :gate, :body, 'PENDING', 0, :at, :at)""")
                .param("id", UUID.randomUUID())
                .param("gate", decision.gateId())
                .param("body", wire.writeValueAsString(decision))
                .param("at", SqlTime.of(at))
                .update();
    }

    @Override
    public List<Delivery> claim(int limit, Instant now, Duration lease) {
        return jdbc.sql("""
                update gate_callback c set attempts = c.attempts + 1, next_attempt_at = :leasedUntil
                from gate g
                where g.id = c.gate_id and c.id in (
                    select id from gate_callback where state = 'PENDING' and next_attempt_at <= :now
                    order by next_attempt_at limit :limit for update skip locked)
                returning c.id, c.gate_id, g.callback_url, g.callback_secret_sealed, c.body, c.attempts""")
                .param("leasedUntil", SqlTime.of(now.plus(lease)))
                .param("now", SqlTime.of(now))
                .param("limit", limit)
                .query((rs, i) -> new Delivery(rs.getObject("id", UUID.class), rs.getObject("gate_id", UUID.class),
                        rs.getString("callback_url"), rs.getString("callback_secret_sealed"), rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    @Override
    public void delivered(UUID id, Instant at) {
        finish(id, "DELIVERED", at, null);
    }

    @Override
    public void retry(UUID id, Instant next, String error) {
        jdbc.sql("""
                update gate_callback set next_attempt_at = :next, last_error = :error
                where id = :id and state = 'PENDING'""")
                .param("id", id).param("next", SqlTime.of(next)).param("error", error).update();
    }

    @Override
    public void failed(UUID id, Instant at, String error) {
        finish(id, "FAILED", at, error);
    }

    private void finish(UUID id, String state, Instant at, @Nullable String error) {
        jdbc.sql("""
                update gate_callback set state = :state, finished_at = :at, last_error = coalesce(:error, last_error)
                where id = :id and state = 'PENDING'""")
                .param("id", id).param("state", state).param("at", SqlTime.of(at)).param("error", error).update();
    }

    @Override
    public Optional<Instant> nextDue() {
        return jdbc.sql("select min(next_attempt_at) as due from gate_callback where state = 'PENDING'")
                .query((rs, i) -> Optional.ofNullable(SqlTime.nullableInstant(rs, "due"))).list().stream()
                .flatMap(Optional::stream).findFirst();
    }
}
