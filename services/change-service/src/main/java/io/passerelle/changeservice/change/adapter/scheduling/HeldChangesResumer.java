package io.passerelle.changeservice.change.adapter.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.passerelle.changeservice.change.ResumeHeldChanges;
import io.passerelle.platform.loop.DueRowsWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets held changes proceed as soon as their hold is over, on the platform's {@link DueRowsWorker}: it releases what
 * is due, then sleeps until the next hold ends, looking again at least every {@code passerelle.freeze.poll-interval}
 * for holds made meanwhile by this or another instance. The holds are rows, not timers: a restart resumes from them.
 */
@Component
class HeldChangesResumer extends DueRowsWorker {

    HeldChangesResumer(ResumeHeldChanges resume, TransactionTemplate tx, Clock clock,
            @Value("${passerelle.freeze.poll-interval:1s}") Duration pollInterval) {
        super("held-changes-resumer", new DueRows() {
            @Override
            public int handleDue(int batch) {
                return resume.due();
            }

            @Override
            public Optional<Instant> nextDue() {
                return resume.nextDue();
            }
        }, ResumeHeldChanges.BATCH, tx, clock, pollInterval);
    }
}
