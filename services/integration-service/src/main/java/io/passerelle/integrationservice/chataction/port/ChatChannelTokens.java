package io.passerelle.integrationservice.chataction.port;

import java.util.Optional;

/** The Mattermost channels' action tokens (port; the chat_channel table of the chatops feature). */
public interface ChatChannelTokens {

    /** The sealed action token of the Mattermost channel of that name; empty for an unknown or Slack channel. */
    Optional<String> mattermostActionToken(String channel);
}
