package io.passerelle.integrationservice.alert.adapter.persistence;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.integrationservice.alert.Source;
import io.passerelle.integrationservice.alert.port.ReceivedNotifications;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReceivedNotifications implements ReceivedNotifications {

    private final JdbcClient jdbc;

    JdbcReceivedNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Received> since(Source source, String bodySha256, Instant since) {
        return jdbc.sql("""
                select received_at, signature from alert_notification
                where source = :source and body_sha256 = :digest and received_at >= :since""")
                .param("source", source.wireName())
                .param("digest", bodySha256)
                .param("since", SqlTime.of(since))
                .query((rs, n) -> new Received(SqlTime.instant(rs, "received_at"), rs.getString("signature")))
                .optional();
    }

    @Override
    public boolean record(Source source, String bodySha256, @Nullable String signature, Instant at, Instant since) {
        jdbc.sql("delete from alert_notification where received_at < :since").param("since", SqlTime.of(since))
                .update();
        // another transaction's row for the same body holds this insert until it ends, then makes it update nothing
        return jdbc.sql("""
                insert into alert_notification (source, body_sha256, signature, received_at)
                values (:source, :digest, :signature, :at)
                on conflict (source, body_sha256) do update set signature = excluded.signature,
                    received_at = excluded.received_at
                where alert_notification.received_at < :since""")
                .param("source", source.wireName())
                .param("digest", bodySha256)
                .param("signature", signature)
                .param("at", SqlTime.of(at))
                .param("since", SqlTime.of(since))
                .update() == 1;
    }
}
