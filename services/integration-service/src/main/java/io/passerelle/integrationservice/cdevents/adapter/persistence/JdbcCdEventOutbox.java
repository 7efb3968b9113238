package io.passerelle.integrationservice.cdevents.adapter.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.cdevents.CdEvent;
import io.passerelle.integrationservice.cdevents.port.CdEventDeliveries;
import io.passerelle.integrationservice.cdevents.port.CdEventOutbox;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cdevent_outbox}: a CDEvent is written once per destination in the caller's transaction ({@code on conflict do
 * nothing}: the same id again adds nothing); deliverers claim due rows {@code FOR UPDATE SKIP LOCKED} with a lease.
 */
public class JdbcCdEventOutbox implements CdEventOutbox, CdEventDeliveries {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final List<String> destinations;

    /** @param destinations {@code amqp} and {@code sink:<name>} for each configured sink */
    public JdbcCdEventOutbox(JdbcClient jdbc, JsonMapper json, Clock clock, List<String> destinations) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.destinations = List.copyOf(destinations);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<CdEvent> events) {
        var now = SqlTime.of(clock.instant());
        for (var event : events) {
            for (var destination : destinations) {
                jdbc.sql("""
                        insert into cdevent_outbox (id, destination, type, source, subject, occurred_at, body, created_at,
                                                    next_attempt_at)
                        values (cast(:id as uuid), :destination, :type, :source, :subject, :occurredAt,
                                cast(:body as jsonb), :now, :now)
                        on conflict (id, destination) do nothing""")
                        .param("id", event.id()).param("destination", destination).param("type", event.type().wire())
                        .param("source", event.source()).param("subject", event.subjectId())
                        .param("occurredAt", SqlTime.of(event.timestamp()))
                        .param("body", json.writeValueAsString(event.document())).param("now", now).update();
            }
        }
    }

    @Override
    public List<Delivery> claim(String destination, int max, Instant now, Duration lease) {
        return jdbc.sql("""
                update cdevent_outbox o set next_attempt_at = :leaseUntil, attempts = o.attempts + 1
                from (select id from cdevent_outbox
                      where destination = :destination and delivered_at is null and next_attempt_at <= :now
                      order by created_at, id limit :max for update skip locked) due
                where o.id = due.id and o.destination = :destination
                returning o.id, o.destination, o.type, o.source, o.subject, o.occurred_at, o.body::text as body,
                          o.attempts""")
                .param("destination", destination).param("now", SqlTime.of(now))
                .param("leaseUntil", SqlTime.of(now.plus(lease))).param("max", max)
                .query((rs, i) -> new Delivery(rs.getObject("id", UUID.class), rs.getString("destination"),
                        rs.getString("type"), rs.getString("source"), rs.getString("subject"),
                        SqlTime.instant(rs, "occurred_at"), rs.getString("body"), rs.getInt("attempts")))
                .list();
    }

    @Override
    public Optional<Instant> nextDue(String destination) {
        return jdbc.sql("""
                select min(next_attempt_at) as due from cdevent_outbox
                where destination = :destination and delivered_at is null and next_attempt_at is not null""")
                .param("destination", destination)
                .query((rs, i) -> Optional.ofNullable(SqlTime.nullableInstant(rs, "due"))).single();
    }

    @Override
    public void delivered(Delivery delivery, Instant at) {
        jdbc.sql("""
                update cdevent_outbox set delivered_at = :at, next_attempt_at = null, failed_reason = null
                where id = :id and destination = :destination and delivered_at is null""")
                .param("at", SqlTime.of(at)).param("id", delivery.id()).param("destination", delivery.destination())
                .update();
    }

    @Override
    public void retryAt(Delivery delivery, Instant at, String reason) {
        jdbc.sql("""
                update cdevent_outbox set next_attempt_at = :at, failed_reason = :reason
                where id = :id and destination = :destination and delivered_at is null""")
                .param("at", SqlTime.of(at)).param("reason", reason).param("id", delivery.id())
                .param("destination", delivery.destination()).update();
    }

    @Override
    public void failed(Delivery delivery, String reason) {
        jdbc.sql("""
                update cdevent_outbox set next_attempt_at = null, failed_reason = :reason
                where id = :id and destination = :destination and delivered_at is null""")
                .param("reason", reason).param("id", delivery.id()).param("destination", delivery.destination())
                .update();
    }

    @Override
    public int purgeDelivered(Instant before) {
        return jdbc.sql("delete from cdevent_outbox where delivered_at < :before")
                .param("before", SqlTime.of(before)).update();
    }
}
