package io.passerelle.integrationservice.chatops;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.integrationservice.chatops.port.ChatChannels;
import io.passerelle.integrationservice.chatops.port.ChatOutbox;
import io.passerelle.integrationservice.chatops.port.ChatPoster;
import io.passerelle.integrationservice.chatops.port.MessageTemplates;
import org.jspecify.annotations.Nullable;

/**
 * Tells the chat channels what a Passerelle event says: in the transaction that handles the event, one message per
 * channel that hears of its service and environment is rendered from its template and appended to the chat outbox
 * (its id derived from the event's id and the channel: a redelivered event adds nothing); the poster sends it after
 * the commit. Nothing here waits for a chat: a chat that is down delays no change and no deployment.
 */
public final class NotifyChat {

    /** Stands for a Mattermost channel's action token in a stored body; the poster puts the token in at the call. */
    public static final String ACTION_TOKEN = "@@passerelle-action-token@@";

    private final ChatChannels channels;
    private final ChatOutbox outbox;
    private final MessageTemplates templates;
    private final ChatPoster poster;
    private final String publicUrl;
    private final Clock clock;

    /** @param publicUrl the gateway's public base URL: console links and Mattermost's action URL */
    public NotifyChat(ChatChannels channels, ChatOutbox outbox, MessageTemplates templates, ChatPoster poster,
            String publicUrl, Clock clock) {
        this.channels = channels;
        this.outbox = outbox;
        this.templates = templates;
        this.poster = poster;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    /** A factor of a change's risk, as change-service explains it. */
    public record RiskFactor(String name, String explanation) {
    }

    /** {@code change.raised.v1}: only a NORMAL change waiting for approval is told (its risk and assessment). */
    public int changeRaised(String eventId, UUID changeId, String type, String state, String service,
            String environment, String title, String requestedBy, @Nullable Integer riskScore,
            List<RiskFactor> factors, @Nullable String assessment) {
        if (!"NORMAL".equals(type) || !"PENDING_APPROVAL".equals(state)) {
            return 0;
        }
        var values = change(changeId, service, environment);
        values.put("title", title);
        values.put("requestedBy", requestedBy);
        values.put("assessment", assessment);
        if (riskScore != null) {
            values.put("risk", Map.of("score", riskScore, "factors", factors.stream()
                    .map(f -> Map.of("name", f.name(), "explanation", f.explanation())).toList()));
        }
        return notify(eventId, NotificationKind.CHANGE_WAITING, service, environment, values);
    }

    /** {@code change.authorized|rejected|failed.v1}: who decided and why, when the event says. */
    public int changeDecided(String eventId, NotificationKind kind, UUID changeId, String service, String environment,
            @Nullable String by, @Nullable String reason) {
        if (kind != NotificationKind.CHANGE_AUTHORIZED && kind != NotificationKind.CHANGE_REJECTED
                && kind != NotificationKind.CHANGE_FAILED) {
            throw new IllegalArgumentException("not a decision on a change: " + kind);
        }
        var values = change(changeId, service, environment);
        values.put("by", by);
        values.put("reason", reason);
        return notify(eventId, kind, service, environment, values);
    }

    /** {@code change.held.v1}: its deployment waits for a freeze window to end, and resumes at {@code heldUntil}. */
    public int changeHeld(String eventId, UUID changeId, String service, String environment,
            @Nullable UUID deploymentId, String reason, Instant heldUntil) {
        var values = change(changeId, service, environment);
        values.put("deploymentId", deploymentId);
        values.put("reason", reason);
        values.put("heldUntil", heldUntil.toString());
        return notify(eventId, NotificationKind.CHANGE_HELD, service, environment, values);
    }

    /** The most likely cause of an incident, as incident-service ranks it. */
    public record Suspect(UUID deploymentId, @Nullable String version, @Nullable String reason) {
    }

    /** {@code incident.opened.v1}: only P1 and P2 are told, with the top suspect (and its buttons) when there is one. */
    public int incidentOpened(String eventId, UUID incidentId, @Nullable String service, @Nullable String environment,
            String title, String priority, @Nullable Suspect top) {
        if (!"P1".equals(priority) && !"P2".equals(priority)) {
            return 0;
        }
        var values = common(service, environment);
        values.put("incidentId", incidentId);
        values.put("url", publicUrl + "/incidents/" + incidentId);
        values.put("title", title);
        values.put("priority", priority);
        if (top != null) {
            var suspect = new HashMap<String, Object>();
            suspect.put("deploymentId", top.deploymentId());
            suspect.put("version", top.version());
            suspect.put("reason", top.reason());
            values.put("suspect", suspect);
        }
        return notify(eventId, NotificationKind.INCIDENT_OPENED, service, environment, values);
    }

    /** {@code deployment.planned.v1} with {@code rollback}: a rollback proposed (automatic or waiting for approval). */
    public int rollbackProposed(String eventId, UUID deploymentId, UUID of, String service, String environment,
            String version, String reason, boolean emergency, boolean automatic, @Nullable UUID incidentId) {
        var values = common(service, environment);
        values.put("deploymentId", deploymentId);
        values.put("rolledBackDeploymentId", of);
        values.put("version", version);
        values.put("reason", reason);
        values.put("emergency", emergency);
        values.put("automatic", automatic);
        values.put("incidentId", incidentId);
        values.put("url", incidentId == null ? publicUrl : publicUrl + "/incidents/" + incidentId);
        return notify(eventId, NotificationKind.ROLLBACK_PROPOSED, service, environment, values);
    }

    /** {@code deployment.rollback-declined.v1}: an incident asked for a rollback and none was planned, and why. */
    public int rollbackDeclined(String eventId, UUID incidentId, UUID deploymentId, String service, String environment,
            String reason) {
        var values = common(service, environment);
        values.put("incidentId", incidentId);
        values.put("deploymentId", deploymentId);
        values.put("reason", reason);
        values.put("url", publicUrl + "/incidents/" + incidentId);
        return notify(eventId, NotificationKind.ROLLBACK_DECLINED, service, environment, values);
    }

    private Map<String, @Nullable Object> change(UUID changeId, String service, String environment) {
        var values = common(service, environment);
        values.put("changeId", changeId);
        values.put("url", publicUrl + "/changes/" + changeId);
        return values;
    }

    private Map<String, @Nullable Object> common(@Nullable String service, @Nullable String environment) {
        var values = new HashMap<String, @Nullable Object>();
        values.put("service", service);
        values.put("environment", environment);
        values.put("consoleUrl", publicUrl);
        values.put("actionsUrl", publicUrl + "/webhooks/mattermost/actions");
        values.put("actionToken", ACTION_TOKEN);
        return values;
    }

    /** @return how many channels were told */
    private int notify(String eventId, NotificationKind kind, @Nullable String service, @Nullable String environment,
            Map<String, @Nullable Object> values) {
        var now = clock.instant();
        int told = 0;
        for (var channel : channels.all()) {
            if (!channel.hears(service, environment)) {
                continue;
            }
            var perChannel = new HashMap<String, Object>();
            values.forEach((k, v) -> {
                if (v != null) {
                    perChannel.put(k, v);
                }
            });
            perChannel.put("channel", channel.name());
            var body = templates.render(kind, channel.kind(), perChannel);
            var id = UUID.nameUUIDFromBytes((eventId + "/chat/" + channel.name()).getBytes(StandardCharsets.UTF_8));
            outbox.append(new ChatOutbox.Outgoing(id, channel.name(), kind.wire(), eventId, body), now);
            told++;
        }
        if (told > 0) {
            poster.wakeUpAfterCommit();
        }
        return told;
    }
}
