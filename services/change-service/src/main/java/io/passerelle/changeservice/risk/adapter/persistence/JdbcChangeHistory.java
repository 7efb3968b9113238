package io.passerelle.changeservice.risk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.changeservice.risk.port.ChangeHistory;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the history of changes from {@code change_request}, which the change feature writes: a change's
 * implementation ended at {@code closed_at}, and {@link #FAILED} says whether it failed.
 */
@Repository
class JdbcChangeHistory implements ChangeHistory {

    /**
     * Whether an ended change failed: the one place to adjust when the lifecycle's outcome column lands (V4), to
     * {@code (state = 'FAILED' or outcome in ('FAILED', 'BACKED_OUT'))}. Always used as {@code coalesce(FAILED, false)},
     * so a null outcome never makes a change neither failed nor successful.
     */
    static final String FAILED = "(state = 'FAILED')";

    /** Whether a change's implementation ended: it was closed, successfully or not (a rejected change never started). */
    static final String ENDED = "(closed_at is not null and state in ('CLOSED', 'FAILED'))";

    private static final String IS_FAILED = "coalesce(" + FAILED + ", false)";

    private final JdbcClient jdbc;

    JdbcChangeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Tally endedBetween(String service, Instant from, Instant to) {
        return jdbc.sql("select count(*) as ended, count(*) filter (where " + IS_FAILED + ") as failed"
                        + " from change_request where service = :service and " + ENDED
                        + " and closed_at > :from and closed_at <= :to")
                .param("service", service).param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                .query((rs, n) -> new Tally(rs.getInt("ended"), rs.getInt("failed"))).single();
    }

    @Override
    public Optional<Instant> lastSuccess(String service, String environment, Instant until) {
        return jdbc.sql("select max(closed_at) as last from change_request where service = :service"
                        + " and environment = :environment and " + ENDED + " and not " + IS_FAILED
                        + " and closed_at <= :until")
                .param("service", service).param("environment", environment).param("until", SqlTime.of(until))
                .query((rs, n) -> Optional.ofNullable(SqlTime.nullableInstant(rs, "last"))).single();
    }
}
