package io.passerelle.integrationservice.chataction;

/** A user of a chat platform, by the platform's own id (Slack's {@code U…}, Mattermost's 26-character id). */
public record ChatUser(Platform platform, String id) {

    /** A chat platform and the realm user attribute that links its users. */
    public enum Platform {
        SLACK("slack-user-id"),
        MATTERMOST("mattermost-user-id");

        private final String attribute;

        Platform(String attribute) {
            this.attribute = attribute;
        }

        /** The realm user attribute holding this platform's user id. */
        public String attribute() {
            return attribute;
        }
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("^[A-Za-z0-9]{1,64}$");

    /** @throws IllegalArgumentException an id no chat platform gives */
    public ChatUser {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a " + platform.name().toLowerCase(java.util.Locale.ROOT)
                    + " user id is letters and digits, at most 64");
        }
    }

    /** {@code slack:U0ALICE}: how a queued action keeps it. */
    public String key() {
        return platform.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }

    public static ChatUser ofKey(String key) {
        var parts = key.split(":", 2);
        return new ChatUser(Platform.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)), parts[1]);
    }
}
