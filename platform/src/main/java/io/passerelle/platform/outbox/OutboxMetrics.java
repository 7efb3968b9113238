package io.passerelle.platform.outbox;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How far the relay is behind: {@code passerelle.outbox.backlog} (events not yet confirmed by the broker) and
 * {@code passerelle.outbox.oldest.age} (seconds since the oldest of them was written). Read from the table at scrape
 * time, at most once a second.
 */
class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private volatile Backlog last = new Backlog(0, 0, 0);

    OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("passerelle.outbox.backlog", this, m -> m.backlog().count())
                .description("events written to the outbox and not yet confirmed by the broker")
                .register(registry);
        Gauge.builder("passerelle.outbox.oldest.age", this, m -> m.backlog().oldestSeconds())
                .description("age of the oldest event not yet confirmed by the broker")
                .baseUnit("seconds")
                .register(registry);
    }

    private Backlog backlog() {
        var known = last;
        long now = System.nanoTime();
        if (now - known.readAt() < Duration.ofSeconds(1).toNanos()) {
            return known;
        }
        var fresh = jdbc.sql("""
                select count(*) as backlog, coalesce(extract(epoch from now() - min(created_at)), 0) as oldest
                from outbox_event where published_at is null""")
                .query((rs, i) -> new Backlog(rs.getLong("backlog"), rs.getDouble("oldest"), now))
                .single();
        last = fresh;
        return fresh;
    }

    private record Backlog(long count, double oldestSeconds, long readAt) {
    }
}
