package io.passerelle.platform.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** How long a due-rows worker waits after a round: at once after a full batch, else until the next row is due. */
class DueRowsWorkerTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration POLL = Duration.ofSeconds(5);

    int handled;
    @Nullable Instant next;
    int transactions;

    final TransactionTemplate tx = new TransactionTemplate(new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(@Nullable TransactionDefinition definition) {
            transactions++;
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    });

    final DueRowsWorker worker = new DueRowsWorker("test", new DueRowsWorker.DueRows() {
        @Override
        public int handleDue(int batch) {
            return Math.min(handled, batch);
        }

        @Override
        public Optional<Instant> nextDue() {
            return Optional.ofNullable(next);
        }
    }, 10, tx, Clock.fixed(NOW, ZoneOffset.UTC), POLL);

    @Test
    void a_full_batch_goes_on_at_once_in_its_own_transaction() {
        handled = 10;
        next = NOW.plusSeconds(3);

        assertThat(worker.round()).isZero();
        assertThat(transactions).isOne();
    }

    @Test
    void otherwise_it_sleeps_until_the_next_row_falls_due() {
        handled = 3;
        next = NOW.plusMillis(1200);

        assertThat(worker.round()).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void never_longer_than_the_poll_interval_nor_shorter_than_the_shortest_wait() {
        next = NOW.plusSeconds(3600);
        assertThat(worker.round()).isEqualTo(POLL);

        next = NOW.minusSeconds(1);
        assertThat(worker.round()).isEqualTo(DueRowsWorker.SHORTEST_WAIT);

        next = null;
        assertThat(worker.round()).isEqualTo(POLL);
    }
}
