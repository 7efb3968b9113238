package io.passerelle.integrationservice.chatops;

import java.util.Arrays;
import java.util.Optional;

/** The chats Passerelle posts to, by incoming webhook. */
public enum ChatKind {
    SLACK, MATTERMOST;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ChatKind> of(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
    }
}
