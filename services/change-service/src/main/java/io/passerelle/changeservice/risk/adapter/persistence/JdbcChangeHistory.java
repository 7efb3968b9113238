package io.passerelle.changeservice.risk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.changeservice.risk.port.ChangeHistory;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the history of changes from {@code change_request} and {@code change_incident}, which the change feature
 * writes: a change's implementation ended at {@code implementation_ended_at} with its {@code outcome}; {@link #FAILED}
 * says whether it failed.
 */
@Repository
class JdbcChangeHistory implements ChangeHistory {

    /**
     * Whether an ended change failed: its implementation failed or was backed out, or it caused an incident (a person
     * confirmed its deployment as the cause: DORA's change failure).
     */
    static final String FAILED = "(outcome in ('FAILED', 'BACKED_OUT') or exists (select 1 from change_incident i"
            + " where i.change_id = change_request.id))";

    /** Whether a change's implementation ended, successfully or not (a rejected or cancelled change never started). */
    static final String ENDED = "(implementation_ended_at is not null)";

    private final JdbcClient jdbc;

    JdbcChangeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Tally endedBetween(String service, Instant from, Instant to) {
        return jdbc.sql("select count(*) as ended, count(*) filter (where " + FAILED + ") as failed"
                        + " from change_request where service = :service and " + ENDED
                        + " and implementation_ended_at > :from and implementation_ended_at <= :to")
                .param("service", service).param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                .query((rs, n) -> new Tally(rs.getInt("ended"), rs.getInt("failed"))).single();
    }

    @Override
    public Optional<Instant> lastSuccess(String service, String environment, Instant until) {
        return jdbc.sql("select max(implementation_ended_at) as last from change_request where service = :service"
                        + " and environment = :environment and " + ENDED + " and not " + FAILED
                        + " and implementation_ended_at <= :until")
                .param("service", service).param("environment", environment).param("until", SqlTime.of(until))
                .query((rs, n) -> Optional.ofNullable(SqlTime.nullableInstant(rs, "last"))).single();
    }
}
