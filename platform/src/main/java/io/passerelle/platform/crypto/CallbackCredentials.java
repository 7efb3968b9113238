package io.passerelle.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The credential a deploy target presents when it reports a deployment's outcome: one per deployment, issued with
 * the deploy request (integration-service) and checked on the callback (release-service), both from
 * {@code passerelle.secrets.key} without storing anything (docs/decisions/0007-deployment-callback-credential.md).
 * <pre>
 * k     = HMAC-SHA256(key = the 32 bytes of passerelle.secrets.key, "passerelle deployment callback key v1")
 * token = base64url without padding(HMAC-SHA256(key = k, "deployment-callback:v1:" + deploymentId))   // 43 chars
 * </pre>
 * The derived key {@code k} keeps these tokens apart from anything else the sealing key does; the deployment id in
 * the message makes a token worthless for any other deployment.
 */
public final class CallbackCredentials {

    static final String KEY_LABEL = "passerelle deployment callback key v1";
    static final String PURPOSE = "deployment-callback:v1:";

    private final byte[] key;

    /** @param base64SecretsKey {@code passerelle.secrets.key} (32 bytes, base64) */
    public CallbackCredentials(String base64SecretsKey) {
        this.key = HmacSha256.mac(SecretSealer.key(base64SecretsKey), utf8(KEY_LABEL));
    }

    /** The token that reports the outcome of this deployment, and of no other. */
    public String issue(UUID deploymentId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(HmacSha256.mac(key, utf8(PURPOSE + deploymentId)));
    }

    /** True only when {@code token} is exactly this deployment's token; compares in constant time. */
    public boolean verify(UUID deploymentId, @Nullable String token) {
        return token != null && MessageDigest.isEqual(utf8(issue(deploymentId)), utf8(token));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
