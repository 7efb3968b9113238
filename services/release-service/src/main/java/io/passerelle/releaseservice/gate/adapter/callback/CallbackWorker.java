package io.passerelle.releaseservice.gate.adapter.callback;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.loop.ClaimingWorker;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboundVerdict;
import io.passerelle.platform.outbound.PinnedHttpClient;
import io.passerelle.releaseservice.gate.port.CallbackSender;
import io.passerelle.releaseservice.gate.port.GateCallbacks;
import io.passerelle.releaseservice.gate.port.GateCallbacks.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts gate decisions to their callback URLs, from the gate_callback table, on the platform's {@link ClaimingWorker}:
 * woken right after the commit of a decision, otherwise polling (retries that fall due, leases that expired); due rows
 * claimed in a short transaction ({@code FOR UPDATE SKIP LOCKED}, leased: several instances run side by side), the
 * calls on virtual threads outside any transaction (at most {@value #BATCH} at once), each result recorded in its own. Each attempt is counted
 * before it is made. In order, per attempt: the outbound guard resolves the URL and judges every address (a refusal
 * is final: the operator's rules do not change by retrying), the decision is signed anew, and posted to the checked
 * addresses only. 2xx is delivered; I/O errors, timeouts, 5xx and 429 are retried after an exponential back-off with
 * jitter (Resilience4j's {@link IntervalFunction}) until {@code maxAttempts}; any other answer is final. Every attempt
 * is counted in {@value #ATTEMPTS}{@code {outcome}}.
 */
public class CallbackWorker implements CallbackSender, SmartLifecycle, AutoCloseable {

    static final String ATTEMPTS = "passerelle.gate.callbacks";
    private static final Logger log = LoggerFactory.getLogger(CallbackWorker.class);
    private static final int BATCH = 16;

    private final GateCallbacks callbacks;
    private final OutboundGuard guard;
    private final SecretSealer sealer;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Settings settings;
    private final IntervalFunction backoff;
    private final PinnedHttpClient http;
    private final ClaimingWorker<Delivery> worker;

    public CallbackWorker(GateCallbacks callbacks, OutboundGuard guard, SecretSealer sealer, TransactionTemplate tx,
            Clock clock, MeterRegistry meters, ObservationRegistry observations, Settings settings) {
        this.callbacks = callbacks;
        this.guard = guard;
        this.sealer = sealer;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
        this.settings = settings;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.backoff(), 2.0, 0.2, settings.maxBackoff());
        this.http = new PinnedHttpClient("gate callbacks", settings.connectTimeout(), settings.readTimeout(), BATCH,
                observations);
        this.worker = new ClaimingWorker<>("gate-callbacks", new ClaimingWorker.Claims<>() {
            @Override
            public List<Delivery> claim(int max) {
                return callbacks.claim(max, clock.instant(), settings.lease());
            }

            @Override
            public Optional<Instant> nextDue() {
                return callbacks.nextDue();
            }
        }, this::send, tx, clock, BATCH, settings.pollInterval(),
                settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(1));
    }

    /**
     * @param maxAttempts calls per decision, the first included
     * @param backoff the wait after the first failed attempt, doubling (± 20 %) up to {@code maxBackoff}
     * @param lease how long a claimed callback is another instance's: at least connect + read timeout
     */
    public record Settings(int maxAttempts, Duration backoff, Duration maxBackoff, Duration connectTimeout,
            Duration readTimeout, Duration pollInterval, Duration lease) {

        public Settings {
            if (maxAttempts < 1 || !backoff.isPositive() || maxBackoff.compareTo(backoff) < 0
                    || lease.compareTo(connectTimeout.plus(readTimeout)) < 0) {
                throw new IllegalArgumentException("gate callbacks need max-attempts >= 1, 0 < backoff <= max-backoff"
                        + " and a lease of at least connect-timeout + read-timeout");
            }
        }
    }

    @Override
    public void sendAfterCommit() {
        worker.wakeUpAfterCommit();
    }

    private void send(Delivery delivery) {
        var result = attempt(delivery);
        Counter.builder(ATTEMPTS).description("Attempts to post gate decisions to callback URLs, by result")
                .tag("outcome", result.outcome()).register(meters).increment();
        var now = clock.instant();
        tx.executeWithoutResult(status -> {
            switch (result) {
                case Result.Delivered delivered -> callbacks.delivered(delivery.id(), now);
                case Result.Final refused -> callbacks.failed(delivery.id(), now, refused.what());
                case Result.Retryable failed when delivery.attempts() >= settings.maxAttempts() ->
                        callbacks.failed(delivery.id(), now, failed.what() + " (attempt " + delivery.attempts() + " of "
                                + settings.maxAttempts() + ", given up)");
                case Result.Retryable failed -> callbacks.retry(delivery.id(),
                        now.plusMillis(backoff.apply(delivery.attempts())), failed.what());
            }
        });
        switch (result) {
            case Result.Delivered delivered -> log.info("Gate {}: decision posted to its callback URL (attempt {})",
                    delivery.gateId(), delivery.attempts());
            default -> log.warn("Gate {}: callback attempt {} of {}: {}", delivery.gateId(), delivery.attempts(),
                    settings.maxAttempts(), result.what());
        }
    }

    private Result attempt(Delivery delivery) {
        var url = delivery.url();
        var verdict = guard.check(url);
        if (verdict instanceof OutboundVerdict.Malformed malformed) {
            return new Result.Final("callback URL " + url + " " + malformed.reason());
        }
        if (verdict instanceof OutboundVerdict.Forbidden forbidden) {
            return new Result.Final("callback URL " + url + " refused by the outbound guard: " + forbidden.reason());
        }
        if (!(verdict instanceof OutboundVerdict.Admitted target)) {
            return new Result.Retryable("callback URL " + url + " could not be resolved");
        }
        var signed = SignedCallback.of(delivery.id(), delivery.body(), sealer.unseal(delivery.secretSealed()),
                clock.instant());
        try {
            int status = http.post(target, signed.headers(), signed.body(), 0).status();
            if (status >= 200 && status < 300) {
                return new Result.Delivered();
            }
            return status >= 500 || status == 429 ? new Result.Retryable("callback URL answered HTTP " + status)
                    : new Result.Final("callback URL answered HTTP " + status + " (not retried: only I/O errors,"
                            + " timeouts, 5xx and 429 are)");
        } catch (IOException e) {
            return new Result.Retryable("callback URL was unreachable (" + e.getMessage() + ")");
        }
    }

    /** What one attempt came to. */
    private sealed interface Result {

        String what();

        String outcome();

        record Delivered() implements Result {
            public String what() {
                return "delivered";
            }

            public String outcome() {
                return "delivered";
            }
        }

        record Retryable(String what) implements Result {
            public String outcome() {
                return "retryable";
            }
        }

        record Final(String what) implements Result {
            public String outcome() {
                return "refused";
            }
        }
    }

    @Override
    public void start() {
        worker.start();
    }

    /** Calls in flight get connect + read timeout to finish; one cut short is sent again once its lease expires. */
    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
