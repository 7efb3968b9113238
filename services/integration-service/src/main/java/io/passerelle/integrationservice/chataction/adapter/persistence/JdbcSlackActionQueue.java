package io.passerelle.integrationservice.chataction.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.chataction.ChatAction;
import io.passerelle.integrationservice.chataction.ChatUser;
import io.passerelle.integrationservice.chataction.port.SlackActionQueue;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSlackActionQueue implements SlackActionQueue {

    private final JdbcClient jdbc;

    JdbcSlackActionQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(ChatUser user, ChatAction action, String responseUrlSealed, Instant at) {
        jdbc.sql("""
                insert into chat_action (id, chat_user, action, subject_id, deployment_id, response_url_sealed,
                    received_at, next_attempt_at)
                values (:id, :user, :action, :subject, :deployment, :url, :at, :at)""")
                .param("id", UUID.randomUUID()).param("user", user.key()).param("action", action.kind().wireName())
                .param("subject", action.subject()).param("deployment", action.deployment())
                .param("url", responseUrlSealed).param("at", SqlTime.of(at)).update();
    }

    @Override
    public List<Queued> claim(int max, Instant now, Instant leaseUntil) {
        var claimed = jdbc.sql("""
                select id, chat_user, action, subject_id, deployment_id, response_url_sealed, attempts, result
                from chat_action where next_attempt_at <= :now order by next_attempt_at limit :max
                for update skip locked""")
                .param("now", SqlTime.of(now)).param("max", max)
                .query((rs, n) -> new Queued(rs.getObject("id", UUID.class), ChatUser.ofKey(rs.getString("chat_user")),
                        new ChatAction(ChatAction.Kind.named(rs.getString("action")).orElseThrow(),
                                rs.getObject("subject_id", UUID.class), rs.getObject("deployment_id", UUID.class)),
                        rs.getString("response_url_sealed"), rs.getInt("attempts") + 1, rs.getString("result")))
                .list();
        for (var queued : claimed) {
            jdbc.sql("update chat_action set attempts = attempts + 1, next_attempt_at = :lease where id = :id")
                    .param("lease", SqlTime.of(leaseUntil)).param("id", queued.id()).update();
        }
        return claimed;
    }

    @Override
    public Optional<Instant> nextDue() {
        return jdbc.sql("select next_attempt_at from chat_action order by next_attempt_at limit 1")
                .query((rs, n) -> SqlTime.instant(rs, "next_attempt_at")).optional();
    }

    @Override
    public void retry(UUID id, String result, Instant at) {
        jdbc.sql("update chat_action set result = :result, next_attempt_at = :at where id = :id")
                .param("result", result).param("at", SqlTime.of(at)).param("id", id).update();
    }

    @Override
    public void remove(UUID id) {
        jdbc.sql("delete from chat_action where id = :id").param("id", id).update();
    }
}
