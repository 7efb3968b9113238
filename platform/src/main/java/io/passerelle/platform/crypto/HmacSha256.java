package io.passerelle.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 signatures in GitHub's header format ({@code sha256=<hex>}), used both to verify inbound webhooks
 * and to sign calls to deploy targets. Verification compares in constant time.
 */
public final class HmacSha256 {

    public static final String PREFIX = "sha256=";

    private HmacSha256() {
    }

    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** The raw 32-byte HMAC-SHA256 of {@code content} under {@code key}. */
    static byte[] mac(byte[] key, byte[] content) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** True only when {@code header} is exactly the signature of {@code body} under {@code secret}. */
    public static boolean verify(String secret, byte[] body, @Nullable String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        var expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
    }
}
