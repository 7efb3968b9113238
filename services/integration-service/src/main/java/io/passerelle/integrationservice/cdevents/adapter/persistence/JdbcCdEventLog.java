package io.passerelle.integrationservice.cdevents.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.cdevents.port.CdEventLog;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code cdevent_outbox} read by event: one row per destination, grouped by the CDEvent's id. A row is DELIVERED once
 * delivered, FAILED when given up (no next attempt, not delivered), PENDING otherwise.
 */
public class JdbcCdEventLog implements CdEventLog {

    private static final String STATE = """
            case when delivered_at is not null then 'DELIVERED' when next_attempt_at is null then 'FAILED'
                 else 'PENDING' end""";

    private final JdbcClient jdbc;

    public JdbcCdEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Produced> since(Instant since, @Nullable String type, @Nullable String subject, int limit) {
        var events = new LinkedHashMap<UUID, Produced>();
        jdbc.sql("""
                with chosen as (
                    select id, min(created_at) as created_at from cdevent_outbox
                    where occurred_at >= :since
                      and (cast(:type as text) is null or type = :type
                           or (right(:type, 1) = '.' and starts_with(type, :type)))
                      and (cast(:subject as text) is null or subject = :subject)
                    group by id order by min(occurred_at), min(created_at), id limit :limit)
                select o.id, o.destination, o.type, o.source, o.subject, o.occurred_at, o.body::text as body,
                       o.attempts, o.delivered_at, o.failed_reason, %s as state
                from cdevent_outbox o join chosen c on c.id = o.id
                order by o.occurred_at, c.created_at, o.id, o.destination""".formatted(STATE))
                .param("since", SqlTime.of(since)).param("type", type).param("subject", subject)
                .param("limit", limit)
                .query((rs, i) -> {
                    var id = rs.getObject("id", UUID.class);
                    var produced = events.computeIfAbsent(id, key -> produced(rs, key));
                    produced.deliveries().add(state(rs));
                    return id;
                }).list();
        return events.values().stream().map(p -> new Produced(p.id(), p.type(), p.source(), p.subject(), p.time(),
                p.cdevent(), List.copyOf(p.deliveries()))).toList();
    }

    @Override
    public Optional<DeliveryState> delivery(UUID id, String destination) {
        return jdbc.sql("""
                select destination, attempts, delivered_at, failed_reason, %s as state from cdevent_outbox
                where id = :id and destination = :destination""".formatted(STATE))
                .param("id", id).param("destination", destination)
                .query((rs, i) -> state(rs)).optional();
    }

    @Override
    public boolean replay(UUID id, String destination, Instant now) {
        return jdbc.sql("""
                update cdevent_outbox set next_attempt_at = :now, attempts = 0
                where id = :id and destination = :destination and delivered_at is null and next_attempt_at is null""")
                .param("now", SqlTime.of(now)).param("id", id).param("destination", destination).update() == 1;
    }

    private static Produced produced(ResultSet rs, UUID id) {
        try {
            return new Produced(id, rs.getString("type"), rs.getString("source"), rs.getString("subject"),
                    SqlTime.instant(rs, "occurred_at"), rs.getString("body"), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeliveryState state(ResultSet rs) throws SQLException {
        return new DeliveryState(rs.getString("destination"), State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), SqlTime.nullableInstant(rs, "delivered_at"), rs.getString("failed_reason"));
    }
}
