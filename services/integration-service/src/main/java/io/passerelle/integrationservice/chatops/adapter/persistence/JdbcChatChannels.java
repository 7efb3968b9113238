package io.passerelle.integrationservice.chatops.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.passerelle.integrationservice.chatops.ChatChannel;
import io.passerelle.integrationservice.chatops.ChatKind;
import io.passerelle.integrationservice.chatops.port.ChatChannels;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcChatChannels implements ChatChannels {

    private final JdbcClient jdbc;

    JdbcChatChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ChatChannel> named(String name) {
        return jdbc.sql("select * from chat_channel where name = :name").param("name", name)
                .query((rs, n) -> channel(rs)).optional();
    }

    @Override
    public List<ChatChannel> all() {
        return jdbc.sql("select * from chat_channel order by name").query((rs, n) -> channel(rs)).list();
    }

    @Override
    public void save(ChatChannel channel) {
        jdbc.sql("""
                insert into chat_channel (name, kind, webhook_url_sealed, webhook_host, action_token_sealed, service,
                    environment, updated_at, updated_by)
                values (:name, :kind, :url, :host, :token, :service, :environment, :at, :by)
                on conflict (name) do update set kind = excluded.kind, webhook_url_sealed = excluded.webhook_url_sealed,
                    webhook_host = excluded.webhook_host, action_token_sealed = excluded.action_token_sealed,
                    service = excluded.service, environment = excluded.environment, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .param("name", channel.name()).param("kind", channel.kind().wire())
                .param("url", channel.webhookUrlSealed()).param("host", channel.webhookHost())
                .param("token", channel.actionTokenSealed()).param("service", channel.service())
                .param("environment", channel.environment()).param("at", SqlTime.of(channel.updatedAt()))
                .param("by", channel.updatedBy()).update();
    }

    @Override
    public boolean delete(String name) {
        return jdbc.sql("delete from chat_channel where name = :name").param("name", name).update() > 0;
    }

    private static ChatChannel channel(ResultSet rs) throws SQLException {
        return new ChatChannel(rs.getString("name"), ChatKind.of(rs.getString("kind")).orElseThrow(),
                rs.getString("webhook_url_sealed"), rs.getString("webhook_host"), rs.getString("action_token_sealed"),
                rs.getString("service"), rs.getString("environment"), SqlTime.instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }
}
