package io.passerelle.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters} (role {@code operator}): GET shows what sits in this service's dead-letter queue and
 * why it failed; POST moves the messages back to this service's own queue (not to the exchange, so other
 * consumers never see them twice). A message leaves the DLQ only after the broker confirmed its replay.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private static final int MAX_BATCH = 500;

    private final RabbitTemplate rabbit;
    private final String queue;
    private final String deadLetterQueue;

    public DeadLetterEndpoint(RabbitTemplate rabbit, String queue) {
        this.rabbit = rabbit;
        this.queue = queue;
        this.deadLetterQueue = queue + ".dlq";
    }

    @ReadOperation
    public DeadLetters list() {
        List<DeadLetter> letters = rabbit.execute(channel -> {
            var found = new ArrayList<DeadLetter>();
            long lastTag = -1;
            GetResponse response;
            while (found.size() < 50 && (response = channel.basicGet(deadLetterQueue, false)) != null) {
                lastTag = response.getEnvelope().getDeliveryTag();
                var headers = headers(response.getProps());
                found.add(new DeadLetter(response.getProps().getMessageId(), string(headers.get("eventType")),
                        error(headers),
                        new String(response.getBody(), StandardCharsets.UTF_8)));
            }
            if (lastTag >= 0) {
                channel.basicNack(lastTag, true, true);
            }
            return found;
        });
        return new DeadLetters(deadLetterQueue, letters == null ? List.of() : letters);
    }

    @WriteOperation
    public Replayed replay() {
        Integer moved = rabbit.execute(channel -> {
            int count = 0;
            GetResponse response;
            while (count < MAX_BATCH && (response = channel.basicGet(deadLetterQueue, false)) != null) {
                var properties = new MessageProperties();
                properties.setContentType(response.getProps().getContentType());
                properties.setMessageId(response.getProps().getMessageId());
                headers(response.getProps()).forEach((name, value) -> {
                    if (!name.startsWith("x-")) {
                        properties.setHeader(name, value);
                    }
                });
                var correlation = new CorrelationData(response.getProps().getMessageId());
                rabbit.send("", queue, new Message(response.getBody(), properties), correlation);
                try {
                    var confirm = correlation.getFuture().get(10, TimeUnit.SECONDS);
                    if (!confirm.ack()) {
                        channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
                        break;
                    }
                } catch (Exception e) {
                    channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
                    break;
                }
                channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                count++;
            }
            return count;
        });
        return new Replayed(deadLetterQueue, queue, moved == null ? 0 : moved);
    }

    private static Map<String, Object> headers(AMQP.BasicProperties props) {
        return props.getHeaders() == null ? Map.of() : new HashMap<>(props.getHeaders());
    }

    /** The innermost cause from the stack trace the binder attached, which names the real failure. */
    private static @Nullable String error(Map<String, Object> headers) {
        var trace = string(headers.get("x-exception-stacktrace"));
        if (trace != null) {
            String cause = null;
            for (var line : trace.split("\n")) {
                var trimmed = line.strip();
                if (trimmed.startsWith("Caused by: ")) {
                    cause = trimmed.substring("Caused by: ".length());
                }
            }
            if (cause != null) {
                return cause;
            }
        }
        return string(headers.get("x-exception-message"));
    }

    private static @Nullable String string(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    public record DeadLetters(String queue, List<DeadLetter> messages) {
    }

    public record DeadLetter(@Nullable String messageId, @Nullable String eventType, @Nullable String error,
            String body) {
    }

    public record Replayed(String from, String to, int messages) {
    }
}
