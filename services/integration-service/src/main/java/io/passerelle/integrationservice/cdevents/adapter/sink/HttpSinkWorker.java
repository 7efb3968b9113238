package io.passerelle.integrationservice.cdevents.adapter.sink;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.passerelle.integrationservice.cdevents.port.CdEventDeliveries;
import io.passerelle.integrationservice.cdevents.port.CdEventDeliveries.Delivery;
import io.passerelle.integrationservice.cdevents.port.CdEventRelay;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.outbound.DeliveryPolicy;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboxPoster;
import io.passerelle.platform.outbound.PinnedHttpClient;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one sink's rows of the CDEvents outbox, each as an HTTP POST in CloudEvents binary content mode (the
 * attributes as {@code ce-*} headers, the CDEvent as the JSON body), through the platform's {@link OutboxPoster}
 * (outbound guard, Resilience4j retries at once, the policy's backoff, then failed with its reason), from a worker of
 * its own: a sink that is down holds up neither Passerelle nor the other sinks.
 */
public class HttpSinkWorker implements CdEventRelay, SmartLifecycle {

    private final HttpSink sink;
    private final Clock clock;
    private final OutboxPoster<Delivery> poster;

    public HttpSinkWorker(HttpSink sink, CdEventDeliveries deliveries, OutboundGuard guard, PinnedHttpClient http,
            TransactionTemplate tx, Clock clock, DeliveryPolicy policy, Duration lease, Duration pollInterval,
            int concurrency) {
        this.sink = sink;
        this.clock = clock;
        this.poster = new OutboxPoster<>("cdevents-sink-" + sink.name(), "the sink", new OutboxPoster.Rows<>() {
            @Override
            public List<Delivery> claim(int max) {
                return deliveries.claim(sink.destination(), max, clock.instant(), lease);
            }

            @Override
            public Optional<Instant> nextDue() {
                return deliveries.nextDue(sink.destination());
            }

            @Override
            public int attempts(Delivery row) {
                return row.attempts();
            }

            @Override
            public void delivered(Delivery row) {
                deliveries.delivered(row, clock.instant());
            }

            @Override
            public void retryLater(Delivery row, Instant at, String reason) {
                deliveries.retryAt(row, at, reason);
            }

            @Override
            public void failed(Delivery row, String reason) {
                deliveries.failed(row, reason);
            }

            @Override
            public String describe(Delivery row) {
                return "CDEvent " + row.id() + " (" + row.type() + ") to sink " + sink.name();
            }
        }, this::request, guard, http, tx, clock, policy, pollInterval, concurrency);
    }

    void deliver(Delivery delivery) {
        poster.deliver(delivery);
    }

    private OutboxPoster.Request request(Delivery delivery) {
        var body = delivery.body().getBytes(StandardCharsets.UTF_8);
        return new OutboxPoster.Request(sink.url(), headers(delivery, body), body);
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

    @Override
    public void wakeUpAfterCommit() {
        poster.wakeUpAfterCommit();
    }

    @Override
    public void start() {
        poster.start();
    }

    @Override
    public void stop() {
        poster.stop();
    }

    @Override
    public boolean isRunning() {
        return poster.isRunning();
    }
}
