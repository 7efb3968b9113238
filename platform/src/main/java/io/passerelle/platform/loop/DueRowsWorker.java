package io.passerelle.platform.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles rows that fall due at a time kept in a column (a held change's end of freeze, a deployment's deadline, a
 * release's end of soak): one {@link PollingLoop} thread whose round handles, in one short transaction, at most a
 * batch of due rows (locked {@code FOR UPDATE SKIP LOCKED} by the caller, so instances run side by side and each row is
 * handled once); a full batch goes on at once, otherwise the loop sleeps until the next row falls due, at least
 * {@link #SHORTEST_WAIT} and at most the poll interval (rows made meanwhile, by this instance or another, are seen at
 * the latest then). The times are rows, not timers: a restart loses nothing.
 */
public class DueRowsWorker implements SmartLifecycle {

    /** Never spin faster than this while a due row is being handled by another instance. */
    public static final Duration SHORTEST_WAIT = Duration.ofMillis(50);

    /** The rows of one kind: handle what is due, say when the next falls due. */
    public interface DueRows {

        /** Handles, in the caller's transaction, at most {@code batch} rows due now; returns how many. */
        int handleDue(int batch);

        /** When the next row falls due, if any waits. */
        Optional<Instant> nextDue();
    }

    private final DueRows rows;
    private final int batch;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration pollInterval;
    private final PollingLoop loop;

    public DueRowsWorker(String name, DueRows rows, int batch, TransactionTemplate tx, Clock clock,
            Duration pollInterval) {
        if (batch < 1 || !pollInterval.isPositive()) {
            throw new IllegalArgumentException("a due-rows worker needs a positive batch and poll interval");
        }
        this.rows = rows;
        this.batch = batch;
        this.tx = tx;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.loop = new PollingLoop(name, pollInterval, this::round);
    }

    Duration round() {
        Integer handled = tx.execute(status -> rows.handleDue(batch));
        if (handled != null && handled >= batch) {
            return Duration.ZERO;
        }
        return rows.nextDue().map(due -> wait(Duration.between(clock.instant(), due))).orElse(pollInterval);
    }

    private Duration wait(Duration untilDue) {
        return untilDue.compareTo(pollInterval) > 0 ? pollInterval
                : untilDue.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : untilDue;
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
