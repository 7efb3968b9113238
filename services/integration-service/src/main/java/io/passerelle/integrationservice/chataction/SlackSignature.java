package io.passerelle.integrationservice.chataction;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import io.passerelle.platform.crypto.HmacSha256;
import org.jspecify.annotations.Nullable;

/**
 * Slack's request signature (api.slack.com/authentication/verifying-requests-from-slack): {@code X-Slack-Signature}
 * is {@code v0=} and the hex HMAC-SHA256, keyed with the app's signing secret, of {@code v0:<X-Slack-Request-Timestamp>:
 * <raw body>}; compared in constant time ({@link HmacSha256}); a timestamp more than {@code window} away from now is
 * refused, whichever way.
 */
public final class SlackSignature {

    public static final String VERSION = "v0";
    private static final Pattern SECONDS = Pattern.compile("^[0-9]{1,12}$");

    private SlackSignature() {
    }

    /** @throws UnauthenticatedChatRequestException unsigned, signed otherwise, or outside the window */
    static void verify(String secret, @Nullable String timestamp, @Nullable String signature, byte[] body,
            Instant now, Duration window) {
        if (signature == null || timestamp == null) {
            throw new UnauthenticatedChatRequestException("X-Slack-Signature and X-Slack-Request-Timestamp are"
                    + " required: Slack signs every request with the app's signing secret");
        }
        if (!SECONDS.matcher(timestamp).matches()) {
            throw new UnauthenticatedChatRequestException("X-Slack-Request-Timestamp must be the Unix time in"
                    + " seconds");
        }
        var prefix = VERSION + "=";
        if (!signature.startsWith(prefix)
                || !HmacSha256.verify(secret, signed(timestamp, body),
                        HmacSha256.PREFIX + signature.substring(prefix.length()))) {
            throw new UnauthenticatedChatRequestException("X-Slack-Signature is not the v0 HMAC-SHA256 of this"
                    + " timestamp and body under the Slack app's signing secret; nothing was done");
        }
        var age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs();
        if (age.compareTo(window) > 0) {
            throw new UnauthenticatedChatRequestException("X-Slack-Request-Timestamp " + timestamp + " is "
                    + age.toSeconds() + " s away from now, outside the " + window.toSeconds() + " s window: a"
                    + " replayed or re-dated request is refused");
        }
    }

    /** What Slack signs: {@code v0:<timestamp>:} then the body bytes. */
    public static byte[] signed(String timestamp, byte[] body) {
        var prefix = (VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(prefix.length + body.length).put(prefix).put(body).array();
    }

    /** The {@code X-Slack-Signature} Slack would send (for Passerelle's own tests and tools). */
    public static String sign(String secret, String timestamp, byte[] body) {
        return VERSION + "=" + HmacSha256.sign(secret, signed(timestamp, body)).substring(HmacSha256.PREFIX.length());
    }
}
