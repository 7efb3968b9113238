package io.passerelle.integrationservice.alert;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.passerelle.platform.crypto.HmacSha256;
import org.jspecify.annotations.Nullable;

/**
 * Grafana's webhook signature, as its contact point's "HMAC Signature" settings make it (grafana/alerting,
 * {@code http/hmac.go}): the lowercase hex HMAC-SHA256, keyed with the secret, of the exact body or, when a timestamp
 * header is configured, of {@code <Unix seconds>:<body>}, the time sent in that header. Compared in constant time
 * ({@link HmacSha256}, as GitHub's signatures are); a timestamp more than {@code window} away from now is refused,
 * whichever way (a captured notification replayed later, or a clock far off).
 */
public final class GrafanaSignature {

    private static final Pattern SECONDS = Pattern.compile("^[0-9]{1,12}$");

    private GrafanaSignature() {
    }

    /**
     * @return the signature, when a timestamp makes it unique to this sending (a second use is a replay); null for a
     *         signature of the body alone, which Grafana sends again the same for the same body
     * @throws UnauthenticatedNotificationException unsigned, signed otherwise, or outside the window
     */
    static @Nullable String verify(SigningSettings settings, String secret, Function<String, @Nullable String> headers,
            byte[] body, Instant now, Duration window) {
        var signature = headers.apply(settings.signatureHeader());
        if (signature == null || signature.isBlank()) {
            throw new UnauthenticatedNotificationException("send a bearer token with role monitoring, or sign the"
                    + " notification: " + settings.signatureHeader() + " is missing");
        }
        var timestampHeader = settings.timestampHeader();
        var timestamp = timestampHeader == null ? null : headers.apply(timestampHeader);
        if (timestampHeader != null && (timestamp == null || !SECONDS.matcher(timestamp).matches())) {
            throw new UnauthenticatedNotificationException(timestampHeader + " must be the Unix time in seconds the"
                    + " signature covers (the contact point's HMAC timestamp header)");
        }
        var content = timestamp == null ? body : signedContent(timestamp, body);
        if (!HmacSha256.verify(secret, content, HmacSha256.PREFIX + signature)) {
            throw new UnauthenticatedNotificationException(settings.signatureHeader() + " is not the HMAC-SHA256 of "
                    + (timestamp == null ? "this body" : "this timestamp, ':' and this body") + " under the "
                    + settings.source().wireName() + " secret; nothing was written");
        }
        if (timestamp == null) {
            return null;
        }
        var age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs();
        if (age.compareTo(window) > 0) {
            throw new UnauthenticatedNotificationException(timestampHeader + " " + timestamp + " is "
                    + age.toSeconds() + " s away from now, outside the " + window.toSeconds() + " s window: a"
                    + " replayed or re-dated notification is refused");
        }
        return timestamp + ":" + signature;
    }

    /** What Grafana signs when a timestamp header is configured: {@code "<timestamp>:"} then the body bytes. */
    static byte[] signedContent(String timestamp, byte[] body) {
        var prefix = (timestamp + ":").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(prefix.length + body.length).put(prefix).put(body).array();
    }
}
