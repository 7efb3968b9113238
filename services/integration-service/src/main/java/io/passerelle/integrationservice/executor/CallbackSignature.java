package io.passerelle.integrationservice.executor;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.crypto.SignedDelivery;
import org.jspecify.annotations.Nullable;

/**
 * Checks a deployment callback before anything is read: {@code X-Passerelle-Signature-256} must be
 * {@code sha256=<hex HMAC-SHA256(key = the deployment's callback credential, "<X-Passerelle-Timestamp>." + body)>}
 * (the scheme Passerelle signs its own deploy requests with, {@link SignedDelivery}, keyed per deployment: ADR 0007's
 * credential, which never travels back), and the timestamp within {@code window} of now, either way. A signature
 * under another deployment's credential does not verify; a captured callback replayed after the window is stale; one
 * replayed within it carries a delivery id already received ({@link ReceiveDeploymentOutcome}).
 */
public final class CallbackSignature {

    public static final String SIGNATURE = "X-Passerelle-Signature-256";
    public static final String TIMESTAMP = SignedDelivery.TIMESTAMP;

    private final CallbackCredentials credentials;
    private final Duration window;

    public CallbackSignature(CallbackCredentials credentials, Duration window) {
        this.credentials = credentials;
        this.window = window;
    }

    /** @throws CallbackRefusedException unless signed by this deployment's credential within the window */
    public void verify(UUID deploymentId, @Nullable String timestamp, @Nullable String signature, byte[] body,
            Instant now) {
        if (timestamp == null || signature == null) {
            throw new CallbackRefusedException(CallbackRefusedException.Kind.UNSIGNED, "a deployment callback must be"
                    + " signed: send " + TIMESTAMP + " and " + SIGNATURE + " (HMAC-SHA256 with the deployment's"
                    + " callbackToken over the timestamp, a dot and the body)");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new CallbackRefusedException(CallbackRefusedException.Kind.UNSIGNED, TIMESTAMP
                    + " must be Unix time in seconds, not '" + timestamp + "'");
        }
        var key = credentials.issue(deploymentId);
        if (!HmacSha256.verify(key, SignedDelivery.signedContent(timestamp, body), signature)) {
            throw new CallbackRefusedException(CallbackRefusedException.Kind.FORGED, SIGNATURE + " is not the"
                    + " signature of this timestamp and body under the callback credential of deployment "
                    + deploymentId + " (another deployment's credential does not report this one); nothing was"
                    + " changed");
        }
        var age = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        if (age.compareTo(window) > 0) {
            throw new CallbackRefusedException(CallbackRefusedException.Kind.STALE, TIMESTAMP + " " + timestamp
                    + " is " + age.toSeconds() + " s away from now, outside the " + window.toSeconds()
                    + " s window: a replayed or re-dated callback is refused; sign each attempt anew");
        }
    }
}
