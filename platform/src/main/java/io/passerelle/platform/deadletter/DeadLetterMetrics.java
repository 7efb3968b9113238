package io.passerelle.platform.deadletter;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * {@code passerelle.deadletters{queue=<service queue>.dlq}}: the messages waiting in this service's dead-letter
 * queue, as the broker counts them (read at scrape time, at most every five seconds; -1 while the broker is
 * unreachable).
 */
public class DeadLetterMetrics implements MeterBinder {

    private final AmqpAdmin admin;
    private final String deadLetterQueue;
    private volatile double last = -1;
    private volatile long readAt = System.nanoTime() - Duration.ofMinutes(1).toNanos();

    public DeadLetterMetrics(AmqpAdmin admin, String queue) {
        this.admin = admin;
        this.deadLetterQueue = queue + ".dlq";
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("passerelle.deadletters", this, DeadLetterMetrics::count)
                .description("messages in the service's dead-letter queue")
                .tag("queue", deadLetterQueue)
                .register(registry);
    }

    private double count() {
        long now = System.nanoTime();
        if (now - readAt < Duration.ofSeconds(5).toNanos()) {
            return last;
        }
        readAt = now;
        try {
            var properties = admin.getQueueProperties(deadLetterQueue);
            last = properties == null ? 0 : ((Number) properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).doubleValue();
        } catch (RuntimeException e) {
            last = -1;
        }
        return last;
    }
}
