package io.passerelle.integrationservice.chataction.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.passerelle.integrationservice.chataction.AnswerSlackAction;
import io.passerelle.integrationservice.chataction.port.SlackActionQueue;
import io.passerelle.integrationservice.chataction.port.SlackActionQueue.Queued;
import io.passerelle.platform.loop.ClaimingWorker;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the queued Slack actions on the platform's {@link ClaimingWorker}: claimed (leased) in a short transaction,
 * each performed and answered on its own virtual thread outside any transaction (each write is one statement),
 * woken right after a new action commits.
 */
public final class SlackActionWorker implements SmartLifecycle {

    private final ClaimingWorker<Queued> worker;

    public SlackActionWorker(SlackActionQueue queue, AnswerSlackAction answer, TransactionTemplate tx, Clock clock,
            Duration lease, int concurrency, Duration pollInterval) {
        this.worker = new ClaimingWorker<>("chat-actions", new ClaimingWorker.Claims<>() {
            @Override
            public List<Queued> claim(int max) {
                var now = clock.instant();
                return queue.claim(max, now, now.plus(lease));
            }

            @Override
            public Optional<Instant> nextDue() {
                return queue.nextDue();
            }
        }, queued -> answer.post(queued, answer.performed(queued)), tx, clock, concurrency, pollInterval, Duration.ofSeconds(10));
    }

    /** After the transaction that queued an action commits. */
    public void wakeUpAfterCommit() {
        worker.wakeUpAfterCommit();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
