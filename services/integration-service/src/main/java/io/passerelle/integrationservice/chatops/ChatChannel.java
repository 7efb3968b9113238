package io.passerelle.integrationservice.chatops;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A chat channel an operator registered: where its incoming webhook is (sealed; only its host is shown), the action
 * token of a Mattermost channel (sealed), and which services and environments it hears of (null = every one).
 */
public record ChatChannel(String name, ChatKind kind, String webhookUrlSealed, String webhookHost,
        @Nullable String actionTokenSealed, @Nullable String service, @Nullable String environment, Instant updatedAt,
        String updatedBy) {

    public static final String NAME = "[a-z0-9][a-z0-9-]{0,62}";

    /** Whether a notification about {@code service} in {@code environment} goes to this channel. */
    public boolean hears(@Nullable String aboutService, @Nullable String aboutEnvironment) {
        return (service == null || Objects.equals(service, aboutService))
                && (environment == null || Objects.equals(environment, aboutEnvironment));
    }

    @Override
    public String toString() {
        return "ChatChannel[" + name + " " + kind.wire() + " " + webhookHost + "]";
    }
}
