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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one sink's rows of the CDEvents outbox, each as an HTTP POST in CloudEvents binary content mode (the
 * attributes as {@code ce-*} headers, the CDEvent as the JSON body), as the platform's {@link OutboxPoster} does
 * (outbound guard, Resilience4j retries at once, the policy's backoff, then failed with its reason), from a worker of
 * its own: a sink that is down holds up neither Passerelle nor the other sinks.
 */
public class HttpSinkWorker extends OutboxPoster<Delivery> implements CdEventRelay {

    private final HttpSink sink;
    private final Clock clock;

    public HttpSinkWorker(HttpSink sink, CdEventDeliveries deliveries, OutboundGuard guard, PinnedHttpClient http,
            TransactionTemplate tx, Clock clock, DeliveryPolicy policy, Duration lease, Duration pollInterval,
            int concurrency) {
        super("cdevents-sink-" + sink.name(), "the sink", rows(sink, deliveries), lease, guard, http, tx, clock,
                policy, pollInterval, concurrency);
        this.sink = sink;
        this.clock = clock;
    }

    /** The sink's rows of the CDEvents outbox (its destination's). */
    private static Rows<Delivery> rows(HttpSink sink, CdEventDeliveries deliveries) {
        return new Rows<>() {
            @Override
            public List<Delivery> claim(int max, Instant now, Duration lease) {
                return deliveries.claim(sink.destination(), max, now, lease);
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
            public void delivered(Delivery row, Instant at) {
                deliveries.delivered(row, at);
            }

            @Override
            public void retryAt(Delivery row, Instant at, String reason) {
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
        };
    }

    @Override
    protected Request request(Delivery delivery) {
        var body = delivery.body().getBytes(StandardCharsets.UTF_8);
        return new Request(sink.url(), headers(delivery, body), body);
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
}
