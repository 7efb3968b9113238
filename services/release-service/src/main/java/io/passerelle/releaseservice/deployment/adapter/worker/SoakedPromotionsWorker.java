package io.passerelle.releaseservice.deployment.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.passerelle.platform.loop.DueRowsWorker;
import io.passerelle.releaseservice.deployment.PromoteRelease;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Promotes the releases whose soak time is over (or stops them, when an incident opened where they soaked), as their
 * {@code due_at} falls due, on the platform's {@link DueRowsWorker}, looking again at least every
 * {@code passerelle.promotion.poll-interval} for soaks begun by another instance.
 */
@Component
class SoakedPromotionsWorker extends DueRowsWorker {

    SoakedPromotionsWorker(PromoteRelease promotion, TransactionTemplate tx, Clock clock,
            @Value("${passerelle.promotion.poll-interval:5s}") Duration pollInterval) {
        super("soaked-promotions", new DueRows() {
            @Override
            public int handleDue(int batch) {
                return promotion.soaked();
            }

            @Override
            public Optional<Instant> nextDue() {
                return promotion.nextDue();
            }
        }, PromoteRelease.BATCH, tx, clock, pollInterval);
    }
}
