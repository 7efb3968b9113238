package io.passerelle.integrationservice.chataction.adapter.persistence;

import java.util.Optional;

import io.passerelle.integrationservice.chataction.port.ChatChannelTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the chatops feature's {@code chat_channel} table (the contract in docs/decisions/0026-chat-actions.md). */
@Repository
class JdbcChatChannelTokens implements ChatChannelTokens {

    private final JdbcClient jdbc;

    JdbcChatChannelTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> mattermostActionToken(String channel) {
        return jdbc.sql("""
                select action_token_sealed from chat_channel
                where name = :name and kind = 'mattermost' and action_token_sealed is not null""")
                .param("name", channel).query(String.class).optional();
    }
}
