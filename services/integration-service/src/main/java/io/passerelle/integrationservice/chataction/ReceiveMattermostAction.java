package io.passerelle.integrationservice.chataction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.passerelle.integrationservice.chataction.port.ChatChannelTokens;
import io.passerelle.platform.crypto.SecretSealer;

/**
 * Receives a Mattermost interactive message action: the channel the context names must be a registered Mattermost
 * channel and the context's token its action token (unsealed, compared in constant time), then the action is
 * performed at once and its outcome is the answer (Mattermost shows it to the clicking user).
 */
public final class ReceiveMattermostAction {

    private final ChatChannelTokens tokens;
    private final SecretSealer sealer;
    private final PerformChatAction perform;

    public ReceiveMattermostAction(ChatChannelTokens tokens, SecretSealer sealer, PerformChatAction perform) {
        this.tokens = tokens;
        this.sealer = sealer;
        this.perform = perform;
    }

    /** @throws UnauthenticatedChatRequestException unknown channel or wrong token; nothing was done */
    public void authenticate(String channel, String token) {
        var sealed = tokens.mattermostActionToken(channel).orElseThrow(() -> new UnauthenticatedChatRequestException(
                "'" + channel + "' is not a Mattermost channel registered in Passerelle"));
        if (!MessageDigest.isEqual(sealer.unseal(sealed).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthenticatedChatRequestException("the action's token is not channel '" + channel
                    + "''s action token; nothing was done");
        }
    }

    /** Performs an authenticated action; the answer for the clicking user. */
    public String perform(ChatUser user, ChatAction action) {
        return perform.perform(user, action);
    }
}
