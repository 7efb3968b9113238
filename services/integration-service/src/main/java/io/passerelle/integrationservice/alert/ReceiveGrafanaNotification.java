package io.passerelle.integrationservice.alert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import io.passerelle.integrationservice.alert.port.AlertSources;
import io.passerelle.integrationservice.alert.port.ReceivedNotifications;
import io.passerelle.platform.crypto.SecretSealer;
import org.jspecify.annotations.Nullable;

/**
 * Receives one Grafana Alerting webhook notification. A sender without a bearer token must sign it
 * ({@link GrafanaSignature}, with the secret configured for Grafana, unsealed for the check). The same notification
 * again — the same body bytes within {@code window}: a copy another Grafana replica sent, or one sent again after an
 * answer was lost, each signed anew — publishes nothing; the same signature again is a replay, refused. Otherwise its
 * alerts go through {@link ReceiveAlerts}, and a notification that published something is remembered for the window.
 * Runs in the caller's transaction: the record and the events commit together, and a refusal writes nothing.
 */
public final class ReceiveGrafanaNotification {

    private final AlertSources sources;
    private final ReceivedNotifications received;
    private final ReceiveAlerts alerts;
    private final SecretSealer sealer;
    private final Clock clock;
    private final Duration window;

    public ReceiveGrafanaNotification(AlertSources sources, ReceivedNotifications received, ReceiveAlerts alerts,
            SecretSealer sealer, Clock clock, Duration window) {
        this.sources = sources;
        this.received = received;
        this.alerts = alerts;
        this.sealer = sealer;
        this.clock = clock;
        this.window = window;
    }

    /** Who sent a notification, once authenticated. */
    public static final class Sender {

        private final @Nullable String signature;

        private Sender(@Nullable String signature) {
            this.signature = signature;
        }

        /** A caller with a bearer token that has role monitoring (checked by the web adapter). */
        public static Sender withToken() {
            return new Sender(null);
        }
    }

    /**
     * Checks the signature of a notification sent without a token, before its body is read.
     *
     * @throws UnauthenticatedNotificationException nothing was written
     */
    public Sender authenticate(Function<String, @Nullable String> headers, byte[] body) {
        var settings = sources.signing(Source.GRAFANA).orElseThrow(() -> new UnauthenticatedNotificationException(
                "send a bearer token with role monitoring: no HMAC secret is configured for grafana"
                        + " (PUT /api/v1/alert-sources/grafana)"));
        return new Sender(GrafanaSignature.verify(settings, sealer.unseal(settings.secretSealed()), headers, body,
                clock.instant(), window));
    }

    /**
     * @throws ReplayedNotificationException the same signature was received before; nothing was written
     * @throws IllegalArgumentException another payload version; nothing was written
     */
    public Receipt receive(Sender sender, byte[] body, @Nullable String version, List<Alert> notified) {
        var now = clock.instant();
        var since = now.minus(window);
        var digest = sha256(body);
        var earlier = received.since(Source.GRAFANA, digest, since);
        if (earlier.isPresent()) {
            if (sender.signature != null && sender.signature.equals(earlier.get().signature())) {
                throw new ReplayedNotificationException("this signed notification was received at "
                        + earlier.get().at() + "; it has no second effect");
            }
            return Receipt.duplicateOfEarlier();
        }
        var receipt = alerts.receive(Source.GRAFANA, version, notified);
        if (receipt.accepted() > 0 && !received.record(Source.GRAFANA, digest, sender.signature, now, since)) {
            throw new ReplayedNotificationException("the same notification is being received at this moment; this"
                    + " copy has no effect");
        }
        return receipt;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
