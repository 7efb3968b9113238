package io.passerelle.integrationservice.chataction.adapter.persistence;

import java.time.Instant;

import io.passerelle.integrationservice.chataction.port.SlackRequests;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSlackRequests implements SlackRequests {

    private final JdbcClient jdbc;

    JdbcSlackRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(String signature, Instant at, Instant since) {
        jdbc.sql("delete from slack_request where received_at < :since").param("since", SqlTime.of(since)).update();
        // a concurrent request with the same signature holds this insert until it ends, then makes it insert nothing
        return jdbc.sql("""
                insert into slack_request (signature, received_at) values (:signature, :at)
                on conflict (signature) do nothing""")
                .param("signature", signature).param("at", SqlTime.of(at)).update() == 1;
    }
}
