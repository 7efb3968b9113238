package io.passerelle.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Shared secrets sent as they are (GitLab's X-Gitlab-Token, a CDEvents sender's bearer token), compared safely. */
public final class SharedTokens {

    private SharedTokens() {
    }

    /** Constant time whatever the lengths: the SHA-256 digests are compared, not the texts. */
    public static boolean same(String given, String registered) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            var a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            var b = sha.digest(registered.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
