package io.passerelle.releaseservice.deployment.adapter.worker;

import java.time.Clock;
import java.time.Duration;

import io.passerelle.platform.loop.PollingLoop;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Promotes the releases whose soak time is over: one thread that handles what is due, then sleeps until the next
 * soak ends (looking again at least every {@code passerelle.promotion.poll-interval}, for soaks begun meanwhile by
 * this or another instance). Soaks are rows, not timers: a restart resumes from them.
 */
@Component
class SoakedPromotionsWorker implements SmartLifecycle {

    private static final Duration SHORTEST_WAIT = Duration.ofMillis(50);

    private final PromoteRelease promotion;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration pollInterval;
    private final PollingLoop loop;

    SoakedPromotionsWorker(PromoteRelease promotion, TransactionTemplate tx, Clock clock,
            @Value("${passerelle.promotion.poll-interval:5s}") Duration pollInterval) {
        this.promotion = promotion;
        this.tx = tx;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.loop = new PollingLoop("soaked-promotions", pollInterval, this::round);
    }

    private Duration round() {
        Integer handled = tx.execute(status -> promotion.soaked());
        if (handled != null && handled == PromoteRelease.BATCH) {
            return Duration.ZERO;
        }
        return promotion.nextDue().map(next -> Duration.between(clock.instant(), next))
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
