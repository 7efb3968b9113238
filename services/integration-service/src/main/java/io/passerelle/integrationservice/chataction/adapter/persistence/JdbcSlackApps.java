package io.passerelle.integrationservice.chataction.adapter.persistence;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.integrationservice.chataction.port.SlackApps;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSlackApps implements SlackApps {

    private final JdbcClient jdbc;

    JdbcSlackApps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> signingSecretSealed() {
        return jdbc.sql("select signing_secret_sealed from slack_app").query(String.class).optional();
    }

    @Override
    public void save(String signingSecretSealed, Instant at, String by) {
        jdbc.sql("""
                insert into slack_app (signing_secret_sealed, updated_at, updated_by) values (:secret, :at, :by)
                on conflict (id) do update set signing_secret_sealed = excluded.signing_secret_sealed,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("secret", signingSecretSealed).param("at", SqlTime.of(at)).param("by", by).update();
    }
}
