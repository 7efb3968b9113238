package io.passerelle.e2e.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The callback credential of a deployment, computed as docs/decisions/0007-deployment-callback-credential.md says from
 * the e2e stack's sealing key (which infra/bin/stack keeps in the user's config): with it, a fuzzed status report of an
 * unknown deployment passes the credential check and reaches the body's binding. Without the key file, a placeholder
 * that the callback refuses (the fuzz then stops at the credential check).
 */
final class CallbackCredentials {

    private final byte @Nullable [] key;

    private CallbackCredentials(byte @Nullable [] key) {
        this.key = key;
    }

    static CallbackCredentials fromStackKey() {
        var config = System.getenv("XDG_CONFIG_HOME") != null ? Path.of(System.getenv("XDG_CONFIG_HOME"))
                : System.getenv("HOME") != null ? Path.of(System.getenv("HOME"), ".config")
                : FuzzE2ETest.ROOT.resolve(".run/.config");
        var file = config.resolve("passerelle/e2e-secrets.key");
        try {
            var secretsKey = Base64.getDecoder().decode(Files.readString(file).trim());
            return new CallbackCredentials(mac(secretsKey, "passerelle deployment callback key v1"));
        } catch (IOException | IllegalArgumentException e) {
            return new CallbackCredentials(null);
        }
    }

    String issue(String deploymentId) {
        if (key == null) {
            return "no-e2e-secrets-key-on-this-machine";
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, "deployment-callback:v1:" + deploymentId));
    }

    private static byte[] mac(byte[] key, String message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
