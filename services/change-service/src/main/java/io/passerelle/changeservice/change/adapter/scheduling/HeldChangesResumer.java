package io.passerelle.changeservice.change.adapter.scheduling;

import java.time.Clock;
import java.time.Duration;

import io.passerelle.changeservice.change.ResumeHeldChanges;
import io.passerelle.platform.loop.PollingLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets held changes proceed as soon as their hold is over: one thread that releases what is due, then sleeps until
 * the next hold ends (looking again at least every {@code passerelle.freeze.poll-interval}, for holds made meanwhile
 * by this or another instance). The holds are rows, not timers: a restart resumes from them.
 */
@Component
class HeldChangesResumer implements SmartLifecycle {

    /** Never spin faster than this when a due hold is being released by another instance. */
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(50);

    private final ResumeHeldChanges resume;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration pollInterval;
    private final PollingLoop loop;

    HeldChangesResumer(ResumeHeldChanges resume, TransactionTemplate tx, Clock clock,
            @Value("${passerelle.freeze.poll-interval:1s}") Duration pollInterval) {
        this.resume = resume;
        this.tx = tx;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.loop = new PollingLoop("held-changes-resumer", pollInterval, this::round);
    }

    private Duration round() {
        Integer released = tx.execute(status -> resume.due());
        if (released != null && released == ResumeHeldChanges.BATCH) {
            return Duration.ZERO;
        }
        return resume.nextDue().map(next -> Duration.between(clock.instant(), next))
                .map(wait -> wait.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : wait)
                .map(wait -> wait.compareTo(pollInterval) > 0 ? pollInterval : wait)
                .orElse(pollInterval);
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
