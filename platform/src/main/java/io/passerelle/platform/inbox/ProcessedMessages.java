package io.passerelle.platform.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The processed-message table that makes consumers idempotent. */
class ProcessedMessages {

    private final JdbcClient jdbc;

    ProcessedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the message as processed by this consumer; false when it already was (a redelivery). */
    boolean markProcessed(String consumer, String messageId, String type) {
        return jdbc.sql("""
                insert into processed_message (consumer, message_id, event_type) values (:consumer, :id, :type)
                on conflict do nothing""")
                .param("consumer", consumer)
                .param("id", messageId)
                .param("type", type)
                .update() == 1;
    }
}
