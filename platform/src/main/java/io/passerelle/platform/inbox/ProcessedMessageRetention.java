package io.passerelle.platform.inbox;

import java.time.Duration;

import io.passerelle.platform.loop.PollingLoop;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forgets processed-message rows older than {@code passerelle.inbox.retention} (default 30 days), once an hour. A
 * redelivery or a dead-letter replay older than that would be processed again: keep the retention longer than any
 * replay you may want to make.
 */
public class ProcessedMessageRetention implements SmartLifecycle {

    private final JdbcClient jdbc;
    private final Duration retention;
    private final PollingLoop loop;

    ProcessedMessageRetention(JdbcClient jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.loop = new PollingLoop("inbox-retention", Duration.ofMinutes(1), () -> {
            purge();
            return Duration.ofHours(1);
        });
    }

    /** Deletes the rows past the retention; returns how many. */
    public int purge() {
        return jdbc.sql("delete from processed_message where processed_at < now() - cast(:keep as interval)")
                .param("keep", retention.toSeconds() + " seconds")
                .update();
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
