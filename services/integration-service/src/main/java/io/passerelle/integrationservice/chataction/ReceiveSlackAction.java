package io.passerelle.integrationservice.chataction;

import java.time.Clock;
import java.time.Duration;

import io.passerelle.integrationservice.chataction.port.SlackActionQueue;
import io.passerelle.integrationservice.chataction.port.SlackApps;
import io.passerelle.integrationservice.chataction.port.SlackRequests;
import io.passerelle.platform.crypto.SecretSealer;
import org.jspecify.annotations.Nullable;

/**
 * Receives a Slack interactivity request: its signature checked first (the app's signing secret, unsealed for the
 * check; {@link SlackSignature}), the same signature again refused as a replay, then its action queued — performed
 * and answered later ({@code response_url}), since Slack wants its answer within three seconds. Runs in the caller's
 * transaction: a refusal records nothing.
 */
public final class ReceiveSlackAction {

    private final SlackApps apps;
    private final SlackRequests requests;
    private final SlackActionQueue queue;
    private final SecretSealer sealer;
    private final Clock clock;
    private final Duration window;
    private final Runnable queued;

    /** @param queued told once an action is queued (the worker, woken after the commit) */
    public ReceiveSlackAction(SlackApps apps, SlackRequests requests, SlackActionQueue queue, SecretSealer sealer,
            Clock clock, Duration window, Runnable queued) {
        this.apps = apps;
        this.requests = requests;
        this.queue = queue;
        this.sealer = sealer;
        this.clock = clock;
        this.window = window;
        this.queued = queued;
    }

    /**
     * @throws UnauthenticatedChatRequestException no secret configured, unsigned, signed otherwise, or stale
     * @throws ReplayedChatRequestException this signature was received before
     */
    public void authenticate(@Nullable String timestamp, @Nullable String signature, byte[] body) {
        var sealed = apps.signingSecretSealed().orElseThrow(() -> new UnauthenticatedChatRequestException(
                "no Slack signing secret is configured (PUT /api/v1/chat-apps/slack)"));
        var now = clock.instant();
        SlackSignature.verify(sealer.unseal(sealed), timestamp, signature, body, now, window);
        if (!requests.record(signature, now, now.minus(window))) {
            throw new ReplayedChatRequestException("this signed Slack request was received before; it has no"
                    + " second effect");
        }
    }

    /** Queues an authenticated interaction, to be performed and answered in Slack. */
    public void accept(SlackInteraction interaction) {
        queue.add(interaction.user(), interaction.action(), sealer.seal(interaction.responseUrl()), clock.instant());
        queued.run();
    }
}
