package io.passerelle.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.passerelle.platform.event.CloudEvent;
import io.micrometer.tracing.Span;
import io.passerelle.platform.loop.PollingLoop;
import io.passerelle.platform.trace.TraceCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox rows to RabbitMQ and marks them published only once the broker has confirmed them.
 * It runs on one thread, woken right after a commit that appended events (so events leave in milliseconds)
 * and otherwise polling, which also picks up rows left behind by a crash. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances of a service can relay side by side. A broker that does
 * not confirm leaves the rows unpublished for the next round: delivery is at least once, and consumers dedupe.
 * Each publication is a span whose parent is the trace context stored with the row, and the message carries that
 * span's context in its headers, so the consumer continues the trace of the work that caused the event.
 */
public class OutboxRelay implements SmartLifecycle {

    public static final String BINDING = "outbox-out-0";
    public static final String EVENT_TYPE_HEADER = "eventType";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final StreamBridge bridge;
    private final OutboxProperties properties;
    private final PollingLoop loop;
    private final TraceCarrier traces;
    private final JsonMapper json;
    private long lastPurge;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, StreamBridge bridge, OutboxProperties properties,
            TraceCarrier traces, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.bridge = bridge;
        this.properties = properties;
        this.traces = traces;
        this.json = json;
        this.loop = new PollingLoop("outbox-relay", properties.pollInterval(), this::round);
    }

    PollingLoop loop() {
        return loop;
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

    @Override
    public int getPhase() {
        // stop before the binder's producer bindings, start after them
        return Integer.MAX_VALUE - 1000;
    }

    /** One round: a batch, then at once another if the batch was full, else wait to be woken or polled. */
    private Duration round() {
        int sent = relayOnce();
        purgePublished();
        return sent < properties.batchSize() ? properties.pollInterval() : Duration.ZERO;
    }

    /** Publishes one batch of pending events and returns how many the broker confirmed. */
    public int relayOnce() {
        Integer confirmed = tx.execute(status -> {
            var pending = jdbc.sql("""
                    select id, type, payload::text as payload, trace_context::text as trace from outbox_event
                    where published_at is null order by seq limit :limit for update skip locked""")
                    .param("limit", properties.batchSize())
                    .query((rs, i) -> new Pending(rs.getObject("id", UUID.class), rs.getString("type"),
                            rs.getString("payload"), traceFields(rs.getString("trace"))))
                    .list();
            if (pending.isEmpty()) {
                return 0;
            }
            var sent = new ArrayList<Sent>(pending.size());
            for (var event : pending) {
                var correlation = new CorrelationData(event.id().toString());
                var span = traces.start(event.trace(), "publish " + event.type(), Span.Kind.PRODUCER)
                        .remoteServiceName("rabbitmq")
                        .tag("messaging.system", "rabbitmq")
                        .tag("messaging.message.id", event.id().toString())
                        .tag("event.type", event.type());
                try (var scope = traces.inScope(span)) {
                    var message = MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
                            .setHeader(MessageHeaders.CONTENT_TYPE, CloudEvent.CONTENT_TYPE)
                            .setHeader(EVENT_TYPE_HEADER, event.type())
                            .setHeader(AmqpHeaders.MESSAGE_ID, event.id().toString())
                            .setHeader(AmqpHeaders.PUBLISH_CONFIRM_CORRELATION, correlation)
                            .copyHeaders(traces.fieldsOf(span));
                    bridge.send(BINDING, message.build());
                }
                sent.add(new Sent(event.id(), correlation, span));
            }
            List<UUID> acked = awaitConfirms(sent);
            if (!acked.isEmpty()) {
                jdbc.sql("update outbox_event set published_at = now() where id in (:ids)")
                        .param("ids", acked)
                        .update();
            }
            return acked.size();
        });
        return confirmed == null ? 0 : confirmed;
    }

    private List<UUID> awaitConfirms(List<Sent> sent) {
        var acked = new ArrayList<UUID>(sent.size());
        long deadline = System.nanoTime() + properties.confirmTimeout().toNanos();
        for (var s : sent) {
            try {
                var confirm = s.correlation().getFuture().get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                if (confirm.ack()) {
                    acked.add(s.id());
                    s.span().end();
                } else {
                    log.warn("Broker refused event {}: {}; it stays in the outbox", s.id(), confirm.reason());
                    s.span().error(new IllegalStateException("broker refused: " + confirm.reason())).end();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sent.subList(sent.indexOf(s), sent.size()).forEach(unconfirmed -> unconfirmed.span().error(e).end());
                break;
            } catch (Exception e) {
                log.warn("No confirm for event {} ({}); it stays in the outbox", s.id(), e.toString());
                s.span().error(e).end();
            }
        }
        return acked;
    }

    private void purgePublished() {
        long now = System.currentTimeMillis();
        if (now - lastPurge < Duration.ofMinutes(10).toMillis()) {
            return;
        }
        lastPurge = now;
        jdbc.sql("delete from outbox_event where published_at < now() - cast(:keep as interval)")
                .param("keep", properties.retention().toSeconds() + " seconds")
                .update();
    }

    private Map<String, String> traceFields(String stored) {
        return json.readValue(stored, new tools.jackson.core.type.TypeReference<Map<String, String>>() {
        });
    }

    private record Pending(UUID id, String type, String payload, Map<String, String> trace) {
    }

    private record Sent(UUID id, CorrelationData correlation, Span span) {
    }
}
