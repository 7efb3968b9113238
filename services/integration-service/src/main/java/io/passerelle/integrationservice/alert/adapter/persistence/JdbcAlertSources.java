package io.passerelle.integrationservice.alert.adapter.persistence;

import java.util.Optional;

import io.passerelle.integrationservice.alert.SigningSettings;
import io.passerelle.integrationservice.alert.Source;
import io.passerelle.integrationservice.alert.port.AlertSources;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAlertSources implements AlertSources {

    private final JdbcClient jdbc;

    JdbcAlertSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SigningSettings> signing(Source source) {
        return jdbc.sql("select * from alert_source where source = :source")
                .param("source", source.wireName())
                .query((rs, n) -> new SigningSettings(source, rs.getString("secret_sealed"),
                        rs.getString("signature_header"), rs.getString("timestamp_header"),
                        SqlTime.instant(rs, "updated_at"), rs.getString("updated_by")))
                .optional();
    }

    @Override
    public void save(SigningSettings settings) {
        jdbc.sql("""
                insert into alert_source (source, secret_sealed, signature_header, timestamp_header, updated_at,
                    updated_by)
                values (:source, :secret, :signature, :timestamp, :at, :by)
                on conflict (source) do update set secret_sealed = excluded.secret_sealed,
                    signature_header = excluded.signature_header, timestamp_header = excluded.timestamp_header,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("source", settings.source().wireName())
                .param("secret", settings.secretSealed())
                .param("signature", settings.signatureHeader())
                .param("timestamp", settings.timestampHeader())
                .param("at", SqlTime.of(settings.updatedAt()))
                .param("by", settings.updatedBy())
                .update();
    }
}
