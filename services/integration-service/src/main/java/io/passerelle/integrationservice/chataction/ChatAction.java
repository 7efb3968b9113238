package io.passerelle.integrationservice.chataction;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A button of a Passerelle message: what it does and to what (a change, or an incident's suspect deployment, or the
 * deployment to roll back for an incident).
 *
 * @param subject the change, or the incident
 * @param deployment the suspect deployment, or the deployment to roll back; null for a change's decision
 */
public record ChatAction(Kind kind, UUID subject, @Nullable UUID deployment) {

    /** What a button does; its Slack {@code action_id} and its Mattermost {@code context.action}. */
    public enum Kind {
        APPROVE_CHANGE("change.approve", "approve change"),
        REJECT_CHANGE("change.reject", "reject change"),
        CONFIRM_SUSPECT("suspect.confirm", "confirm the suspect deployment"),
        START_ROLLBACK("rollback.start", "roll back deployment");

        private final String wireName;
        private final String what;

        Kind(String wireName, String what) {
            this.wireName = wireName;
            this.what = what;
        }

        public String wireName() {
            return wireName;
        }

        /** Slack's {@code action_id}: {@code passerelle.<wire name>}. */
        public String slackActionId() {
            return "passerelle." + wireName;
        }

        public static Optional<Kind> named(String wireName) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
        }

        public static Optional<Kind> slack(String actionId) {
            return Arrays.stream(values()).filter(k -> k.slackActionId().equals(actionId)).findFirst();
        }

        boolean onChange() {
            return this == APPROVE_CHANGE || this == REJECT_CHANGE;
        }
    }

    public ChatAction {
        if (kind.onChange() != (deployment == null)) {
            throw new IllegalArgumentException(kind.wireName() + (kind.onChange() ? " names a change only"
                    : " names an incident and a deployment"));
        }
    }

    /**
     * A Slack button's {@code value}: the change id, or {@code <incidentId>:<deploymentId>}.
     *
     * @throws IllegalArgumentException a value that does not fit the action
     */
    public static ChatAction fromSlack(Kind kind, String value) {
        if (kind.onChange()) {
            return new ChatAction(kind, uuid(value), null);
        }
        var parts = value.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(kind.slackActionId() + " carries <incidentId>:<deploymentId>");
        }
        return new ChatAction(kind, uuid(parts[0]), uuid(parts[1]));
    }

    static UUID uuid(String value) {
        try {
            var id = UUID.fromString(value);
            if (!id.toString().equals(value.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException(value);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a uuid");
        }
    }

    /** How the chat answer names it: "approve change 9f…", "roll back deployment 3c… (incident 5e…)". */
    public String describe() {
        return switch (kind) {
            case APPROVE_CHANGE, REJECT_CHANGE -> kind.what + " " + subject;
            case CONFIRM_SUSPECT -> kind.what + " " + deployment + " of incident " + subject;
            case START_ROLLBACK -> kind.what + " " + deployment + " (incident " + subject + ")";
        };
    }
}
