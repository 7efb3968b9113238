package io.passerelle.integrationservice.cdevents.adapter.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.passerelle.integrationservice.cdevents.DeliveryPolicy;
import io.passerelle.integrationservice.cdevents.port.CdEventDeliveries;
import io.passerelle.integrationservice.cdevents.port.CdEventDeliveries.Delivery;
import io.passerelle.integrationservice.cdevents.port.CdEventRelay;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.loop.ClaimingWorker;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboundVerdict;
import io.passerelle.platform.outbound.PinnedHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one sink's rows of the CDEvents outbox, each as an HTTP POST in CloudEvents binary content mode (the
 * attributes as {@code ce-*} headers, the CDEvent as the JSON body), outside any transaction, from a worker of its
 * own: a sink that is down holds up neither Passerelle nor the other sinks. Each address is judged by the outbound
 * guard at every call and the connection pinned to it. A call is retried at once by Resilience4j (I/O errors, 5xx,
 * 429: three tries, 200 ms apart); still failing, the row comes back after the policy's backoff, until its attempts are
 * spent; a 4xx other than 408 / 429, or an address the guard refuses, fails it at once (with the reason, kept).
 */
public class HttpSinkWorker implements CdEventRelay, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HttpSinkWorker.class);

    private final HttpSink sink;
    private final CdEventDeliveries deliveries;
    private final OutboundGuard guard;
    private final PinnedHttpClient http;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final Retry retry;
    private final ClaimingWorker<Delivery> worker;

    public HttpSinkWorker(HttpSink sink, CdEventDeliveries deliveries, OutboundGuard guard, PinnedHttpClient http,
            TransactionTemplate tx, Clock clock, DeliveryPolicy policy, Duration lease, Duration pollInterval,
            int concurrency) {
        this.sink = sink;
        this.deliveries = deliveries;
        this.guard = guard;
        this.http = http;
        this.tx = tx;
        this.clock = clock;
        this.policy = policy;
        this.retry = Retry.of("cdevents-sink-" + sink.name(), RetryConfig.custom().maxAttempts(3)
                .waitDuration(Duration.ofMillis(200)).retryExceptions(IOException.class, Retryable.class).build());
        this.worker = new ClaimingWorker<>("cdevents-sink-" + sink.name(), new ClaimingWorker.Claims<>() {
            @Override
            public List<Delivery> claim(int max) {
                return deliveries.claim(sink.destination(), max, clock.instant(), lease);
            }

            @Override
            public Optional<Instant> nextDue() {
                return deliveries.nextDue(sink.destination());
            }
        }, this::deliver, tx, clock, concurrency, pollInterval, Duration.ofSeconds(10));
    }

    /** A failure worth trying again at once (5xx, 408, 429). */
    static final class Retryable extends Exception {
        Retryable(String message) {
            super(message, null, false, false);
        }
    }

    void deliver(Delivery delivery) {
        var verdict = guard.check(sink.url());
        if (!(verdict instanceof OutboundVerdict.Admitted admitted)) {
            finish(delivery, "refused by the outbound guard: " + verdict, false);
            return;
        }
        var body = delivery.body().getBytes(StandardCharsets.UTF_8);
        try {
            int status = Retry.decorateCheckedSupplier(retry, () -> call(admitted, delivery, body)).get();
            finish(delivery, status < 300 ? null : "the sink answered " + status, false);
        } catch (Retryable | IOException e) {
            finish(delivery, e.getMessage() == null ? e.toString() : e.getMessage(), true);
        } catch (Throwable e) {
            finish(delivery, e.toString(), true);
        }
    }

    private int call(OutboundVerdict.Admitted target, Delivery delivery, byte[] body) throws IOException, Retryable {
        var answer = http.post(target, headers(delivery, body), body, 0);
        if (answer.status() >= 500 || answer.status() == 408 || answer.status() == 429) {
            throw new Retryable("the sink answered " + answer.status());
        }
        return answer.status();
    }

    /** CloudEvents HTTP binary mode: the attributes as headers, the CDEvent as the body. */
    Map<String, String> headers(Delivery delivery, byte[] body) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", delivery.id().toString());
        headers.put("ce-source", delivery.source());
        headers.put("ce-type", delivery.type());
        headers.put("ce-subject", delivery.subject());
        headers.put("ce-time", delivery.time().toString());
        if (sink.bearerToken() != null) {
            headers.put("Authorization", "Bearer " + sink.bearerToken());
        }
        if (sink.secret() != null) {
            var timestamp = Long.toString(clock.instant().getEpochSecond());
            var signed = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
            var message = new byte[signed.length + body.length];
            System.arraycopy(signed, 0, message, 0, signed.length);
            System.arraycopy(body, 0, message, signed.length, body.length);
            headers.put("X-Passerelle-Timestamp", timestamp);
            headers.put("X-Passerelle-Signature-256", HmacSha256.sign(sink.secret(), message));
        }
        return headers;
    }

    private void finish(Delivery delivery, @Nullable String failure, boolean retryable) {
        var now = clock.instant();
        tx.executeWithoutResult(status -> {
            if (failure == null) {
                deliveries.delivered(delivery, now);
                return;
            }
            var next = retryable ? policy.nextAttempt(delivery.attempts(), now) : null;
            if (next == null) {
                log.warn("CDEvent {} ({}) not delivered to sink {}, given up: {}", delivery.id(), delivery.type(),
                        sink.name(), failure);
                deliveries.failed(delivery, failure);
            } else {
                log.info("CDEvent {} not delivered to sink {} ({}); tried again at {}", delivery.id(), sink.name(),
                        failure, next);
                deliveries.retryAt(delivery, next, failure);
            }
        });
    }

    @Override
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
