package io.passerelle.releaseservice.deployment.adapter.worker;

import java.time.Clock;
import java.time.Duration;

import io.passerelle.platform.loop.PollingLoop;
import io.passerelle.releaseservice.deployment.TimeOutDeployments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times deployments out on the platform's {@link PollingLoop}: each round fails, in one short transaction, a batch of
 * underway deployments past their deadline (the rows are locked {@code FOR UPDATE SKIP LOCKED}, so instances run side
 * by side and each deployment times out once); a full batch goes on at once, otherwise the loop sleeps until the
 * next deadline, at most the poll interval. The deadline is a column, so a restart loses nothing: a deployment that
 * fell due while no instance ran times out at the next round.
 */
public class TimeoutWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimeoutWorker.class);
    private static final Duration MIN_WAIT = Duration.ofMillis(20);

    private final TimeOutDeployments timeouts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration pollInterval;
    private final int batch;
    private final PollingLoop loop;

    public TimeoutWorker(TimeOutDeployments timeouts, TransactionTemplate tx, Clock clock, Duration pollInterval,
            int batch) {
        this.timeouts = timeouts;
        this.tx = tx;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.batch = batch;
        this.loop = new PollingLoop("deployment-timeouts", pollInterval, this::round);
    }

    private Duration round() {
        Integer timedOut = tx.execute(status -> timeouts.timeOutDue(batch));
        if (timedOut != null && timedOut > 0) {
            log.info("{} deployment(s) failed on timeout", timedOut);
        }
        if (timedOut != null && timedOut == batch) {
            return Duration.ZERO;
        }
        var wait = timeouts.nextDeadline().map(due -> Duration.between(clock.instant(), due)).orElse(pollInterval);
        return wait.compareTo(pollInterval) > 0 ? pollInterval : wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
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
