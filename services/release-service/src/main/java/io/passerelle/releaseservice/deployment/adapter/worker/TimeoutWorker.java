package io.passerelle.releaseservice.deployment.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.passerelle.platform.loop.DueRowsWorker;
import io.passerelle.releaseservice.deployment.TimeOutDeployments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times deployments out as their deadlines (a column) fall due, a batch per short transaction, on the platform's
 * {@link DueRowsWorker}: instances side by side, each deployment once, nothing lost across a restart.
 */
public class TimeoutWorker extends DueRowsWorker {

    private static final Logger log = LoggerFactory.getLogger(TimeoutWorker.class);

    public TimeoutWorker(TimeOutDeployments timeouts, TransactionTemplate tx, Clock clock, Duration pollInterval,
            int batch) {
        super("deployment-timeouts", new DueRows() {
            @Override
            public int handleDue(int limit) {
                int timedOut = timeouts.timeOutDue(limit);
                if (timedOut > 0) {
                    log.info("{} deployment(s) failed on timeout", timedOut);
                }
                return timedOut;
            }

            @Override
            public Optional<Instant> nextDue() {
                return timeouts.nextDeadline();
            }
        }, batch, tx, clock, pollInterval);
    }
}
