package io.passerelle.platform.outbound;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.passerelle.platform.loop.ClaimingWorker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the rows of an outbox table to an HTTP receiver (a CDEvents sink, a chat webhook), outside any transaction,
 * from a {@link ClaimingWorker} of its own: a receiver that is down holds up neither Passerelle nor the others. Each
 * address is judged by the outbound guard at every call and the connection pinned to it. A call is retried at once by
 * Resilience4j (I/O errors, 5xx, 408, 429: three tries, 200 ms apart); still failing, the row comes back after the
 * policy's backoff until its attempts are spent, then it is failed (dead) with its reason; a 4xx other than 408 / 429,
 * an address the guard refuses or a row the receiver cannot take ({@link Refused}) fails it at once. A subclass says
 * what a row is sent as ({@link #request}); it is started, stopped and woken as a Spring lifecycle bean.
 *
 * @param <D> a claimed row
 */
public abstract class OutboxPoster<D> implements SmartLifecycle {

    /** The outbox as the poster sees it: due rows claimed with a lease (in the worker's transaction), then each outcome. */
    public interface Rows<D> {

        /** At most {@code max} due rows, leased until {@code now + lease}, their attempts counted. */
        List<D> claim(int max, Instant now, Duration lease);

        /** When the next row falls due (a retry, an expiring lease), if any. */
        Optional<Instant> nextDue();

        /** Deliveries tried so far, this one included. */
        int attempts(D row);

        void delivered(D row, Instant at);

        void retryAt(D row, Instant at, String reason);

        /** Given up: the row stays, with the reason, and is not claimed again. */
        void failed(D row, String reason);

        /** For the logs: which row, to where. */
        String describe(D row);
    }

    /** What one row is sent as. */
    public record Request(String url, Map<String, String> headers, byte[] body) {
    }

    /** A row that cannot be sent (its receiver is gone, ...): failed at once, with this reason. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A failure worth trying again at once (5xx, 408, 429). */
    static final class Retryable extends Exception {
        Retryable(String message) {
            super(message, null, false, false);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxPoster.class);

    private final String receiver;
    private final Rows<D> rows;
    private final OutboundGuard guard;
    private final PinnedHttpClient http;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final Retry retry;
    private final ClaimingWorker<D> worker;

    /**
     * @param name the worker's (and the retry's) name
     * @param receiver what answers, in reasons and logs ("the sink", "the chat webhook")
     * @param lease how long a claimed row is left to its call before it is claimed again
     */
    protected OutboxPoster(String name, String receiver, Rows<D> rows, Duration lease, OutboundGuard guard,
            PinnedHttpClient http, TransactionTemplate tx, Clock clock, DeliveryPolicy policy, Duration pollInterval,
            int concurrency) {
        this.receiver = receiver;
        this.rows = rows;
        this.guard = guard;
        this.http = http;
        this.tx = tx;
        this.clock = clock;
        this.policy = policy;
        this.retry = Retry.of(name, RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(200))
                .retryExceptions(IOException.class, Retryable.class).build());
        this.worker = new ClaimingWorker<>(name, new ClaimingWorker.Claims<>() {
            @Override
            public List<D> claim(int max) {
                beforeClaim(clock.instant());
                return rows.claim(max, clock.instant(), lease);
            }

            @Override
            public Optional<Instant> nextDue() {
                return rows.nextDue();
            }
        }, this::deliver, tx, clock, concurrency, pollInterval, Duration.ofSeconds(10));
    }

    /** What the row is sent as; {@link Refused} fails it at once. */
    protected abstract Request request(D row) throws Refused;

    /** Called before each claim (in its transaction), e.g. to forget old delivered rows now and then. */
    protected void beforeClaim(Instant now) {
    }

    /** One row: its call (retried at once), then its outcome recorded in a short transaction of its own. */
    public void deliver(D row) {
        Request request;
        try {
            request = request(row);
        } catch (Refused e) {
            finish(row, e.getMessage(), false);
            return;
        }
        var verdict = guard.check(request.url());
        if (!(verdict instanceof OutboundVerdict.Admitted admitted)) {
            finish(row, "refused by the outbound guard: " + verdict, false);
            return;
        }
        try {
            int status = Retry.decorateCheckedSupplier(retry, () -> call(admitted, request)).get();
            finish(row, status < 300 ? null : receiver + " answered " + status, false);
        } catch (Retryable | IOException e) {
            finish(row, e.getMessage() == null ? e.toString() : e.getMessage(), true);
        } catch (Throwable e) {
            finish(row, e.toString(), true);
        }
    }

    private int call(OutboundVerdict.Admitted target, Request request) throws IOException, Retryable {
        var answer = http.post(target, request.headers(), request.body(), 0);
        if (answer.status() >= 500 || answer.status() == 408 || answer.status() == 429) {
            throw new Retryable(receiver + " answered " + answer.status());
        }
        return answer.status();
    }

    private void finish(D row, @Nullable String failure, boolean retryable) {
        var now = clock.instant();
        tx.executeWithoutResult(status -> {
            if (failure == null) {
                rows.delivered(row, now);
                return;
            }
            var next = retryable ? policy.nextAttempt(rows.attempts(row), now) : null;
            if (next == null) {
                log.warn("{} not delivered, given up: {}", rows.describe(row), failure);
                rows.failed(row, failure);
            } else {
                log.info("{} not delivered ({}); tried again at {}", rows.describe(row), failure, next);
                rows.retryAt(row, next, failure);
            }
        });
    }

    /** Wakes the worker once the current transaction has committed. */
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
