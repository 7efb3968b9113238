package io.passerelle.integrationservice.chatops.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.chatops.ChatMessage;
import io.passerelle.integrationservice.chatops.port.ChatOutbox;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code chat_message}: appended in the caller's transaction ({@code on conflict do nothing}); the poster claims due
 * rows {@code FOR UPDATE SKIP LOCKED} with a lease. Dead = neither delivered nor due again.
 */
@Repository
class JdbcChatOutbox implements ChatOutbox {

    private static final String STATE = """
            case when delivered_at is not null then 'DELIVERED' when next_attempt_at is null then 'DEAD'
                 else 'PENDING' end""";

    private final JdbcClient jdbc;

    JdbcChatOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Outgoing message, Instant at) {
        jdbc.sql("""
                insert into chat_message (id, channel, notification, event_id, body, created_at, next_attempt_at)
                values (:id, :channel, :notification, :eventId, :body, :at, :at)
                on conflict (id) do nothing""")
                .param("id", message.id()).param("channel", message.channel())
                .param("notification", message.notification()).param("eventId", message.eventId())
                .param("body", message.body()).param("at", SqlTime.of(at)).update();
    }

    @Override
    public List<Due> claim(int max, Instant now, Duration lease) {
        return jdbc.sql("""
                update chat_message m set next_attempt_at = :leaseUntil, attempts = m.attempts + 1
                from (select id from chat_message
                      where delivered_at is null and next_attempt_at <= :now
                      order by created_at, id limit :max for update skip locked) due
                where m.id = due.id
                returning m.id, m.channel, m.body, m.attempts""")
                .param("now", SqlTime.of(now)).param("leaseUntil", SqlTime.of(now.plus(lease))).param("max", max)
                .query((rs, i) -> new Due(rs.getObject("id", UUID.class), rs.getString("channel"),
                        rs.getString("body"), rs.getInt("attempts")))
                .list();
    }

    @Override
    public Optional<Instant> nextDue() {
        return jdbc.sql("""
                select min(next_attempt_at) as due from chat_message
                where delivered_at is null and next_attempt_at is not null""")
                .query((rs, i) -> Optional.ofNullable(SqlTime.nullableInstant(rs, "due"))).single();
    }

    @Override
    public void delivered(Due message, Instant at) {
        jdbc.sql("""
                update chat_message set delivered_at = :at, next_attempt_at = null, failed_reason = null
                where id = :id and delivered_at is null""")
                .param("at", SqlTime.of(at)).param("id", message.id()).update();
    }

    @Override
    public void retryAt(Due message, Instant at, String reason) {
        jdbc.sql("""
                update chat_message set next_attempt_at = :at, failed_reason = :reason
                where id = :id and delivered_at is null""")
                .param("at", SqlTime.of(at)).param("reason", reason).param("id", message.id()).update();
    }

    @Override
    public void failed(Due message, String reason) {
        jdbc.sql("""
                update chat_message set next_attempt_at = null, failed_reason = :reason
                where id = :id and delivered_at is null""")
                .param("reason", reason).param("id", message.id()).update();
    }

    @Override
    public List<ChatMessage> inState(ChatMessage.State state, int limit) {
        return jdbc.sql("select *, " + STATE + " as state from chat_message where " + STATE + " = :state"
                + " order by created_at desc, id limit :limit")
                .param("state", state.name()).param("limit", limit).query((rs, i) -> message(rs)).list();
    }

    @Override
    public Optional<ChatMessage> find(UUID id) {
        return jdbc.sql("select *, " + STATE + " as state from chat_message where id = :id").param("id", id)
                .query((rs, i) -> message(rs)).optional();
    }

    @Override
    public boolean replay(UUID id, Instant now) {
        return jdbc.sql("""
                update chat_message set next_attempt_at = :now, attempts = 0
                where id = :id and delivered_at is null and next_attempt_at is null""")
                .param("now", SqlTime.of(now)).param("id", id).update() > 0;
    }

    @Override
    public int purgeDelivered(Instant before) {
        return jdbc.sql("delete from chat_message where delivered_at < :before").param("before", SqlTime.of(before))
                .update();
    }

    private static ChatMessage message(ResultSet rs) throws SQLException {
        return new ChatMessage(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("notification"),
                rs.getString("event_id"), ChatMessage.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                SqlTime.instant(rs, "created_at"), SqlTime.nullableInstant(rs, "next_attempt_at"),
                SqlTime.nullableInstant(rs, "delivered_at"), rs.getString("failed_reason"));
    }
}
