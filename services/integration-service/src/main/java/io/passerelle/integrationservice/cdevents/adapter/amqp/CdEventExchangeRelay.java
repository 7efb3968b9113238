package io.passerelle.integrationservice.cdevents.adapter.amqp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.passerelle.platform.outbound.DeliveryPolicy;
import io.passerelle.integrationservice.cdevents.port.CdEventDeliveries;
import io.passerelle.integrationservice.cdevents.port.CdEventDeliveries.Delivery;
import io.passerelle.integrationservice.cdevents.port.CdEventRelay;
import io.passerelle.platform.loop.ClaimingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays the {@code amqp} rows of the CDEvents outbox to the topic exchange {@code passerelle.cdevents}, routing key
 * the CDEvents type, each as a CloudEvents 1.0 structured JSON message ({@code application/cloudevents+json}, the
 * CDEvent as {@code data}). A row is delivered once the broker confirmed it; an unconfirmed one comes back later
 * (at least once: consumers deduplicate on the CloudEvents {@code source} + {@code id}, which stay the same). One
 * message at a time, in the order the events were appended.
 */
public class CdEventExchangeRelay implements CdEventRelay, SmartLifecycle {

    public static final String EXCHANGE = "passerelle.cdevents";
    public static final String DESTINATION = "amqp";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private static final Logger log = LoggerFactory.getLogger(CdEventExchangeRelay.class);

    private final RabbitTemplate rabbit;
    private final CdEventDeliveries deliveries;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final Duration confirmTimeout;
    private final ClaimingWorker<Delivery> worker;
    private final Duration retention;
    private volatile Instant lastPurge = Instant.EPOCH;

    /** @param retention how long delivered rows are kept (every destination's), purged every ten minutes or so */
    public CdEventExchangeRelay(RabbitTemplate rabbit, CdEventDeliveries deliveries, TransactionTemplate tx,
            Clock clock, DeliveryPolicy policy, Duration confirmTimeout, Duration pollInterval, Duration retention) {
        this.rabbit = rabbit;
        this.deliveries = deliveries;
        this.tx = tx;
        this.clock = clock;
        this.policy = policy;
        this.confirmTimeout = confirmTimeout;
        this.retention = retention;
        var lease = confirmTimeout.multipliedBy(2);
        this.worker = new ClaimingWorker<>("cdevents-relay", new ClaimingWorker.Claims<>() {
            @Override
            public List<Delivery> claim(int max) {
                purgeNowAndThen();
                return deliveries.claim(DESTINATION, max, clock.instant(), lease);
            }

            @Override
            public Optional<Instant> nextDue() {
                return deliveries.nextDue(DESTINATION);
            }
        }, this::send, tx, clock, 1, pollInterval, confirmTimeout);
    }

    private void purgeNowAndThen() {
        var now = clock.instant();
        if (lastPurge.plus(Duration.ofMinutes(10)).isBefore(now)) {
            lastPurge = now;
            deliveries.purgeDelivered(now.minus(retention));
        }
    }

    private void send(Delivery delivery) {
        var body = StructuredCloudEvent.of(delivery).getBytes(StandardCharsets.UTF_8);
        var message = MessageBuilder.withBody(body).setContentType(CONTENT_TYPE)
                .setContentEncoding(StandardCharsets.UTF_8.name()).setMessageId(delivery.id().toString())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT).setHeader("ce_type", delivery.type()).build();
        var correlation = new CorrelationData(delivery.id().toString());
        String failure;
        try {
            rabbit.send(EXCHANGE, delivery.type(), message, correlation);
            var confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            failure = confirm.ack() ? null : "broker refused: " + confirm.reason();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (Exception e) {
            failure = "no confirm: " + e;
        }
        record(delivery, failure);
    }

    private void record(Delivery delivery, @org.jspecify.annotations.Nullable String failure) {
        var now = clock.instant();
        tx.executeWithoutResult(status -> {
            if (failure == null) {
                deliveries.delivered(delivery, now);
                return;
            }
            log.warn("CDEvent {} ({}) not relayed: {}; tried again later", delivery.id(), delivery.type(), failure);
            var next = policy.nextAttempt(delivery.attempts(), now);
            deliveries.retryAt(delivery, next == null ? now.plus(confirmTimeout) : next, failure);
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
