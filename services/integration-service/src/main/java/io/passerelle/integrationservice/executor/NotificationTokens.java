package io.passerelle.integrationservice.executor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.crypto.SecretSealer;
import org.jspecify.annotations.Nullable;

/**
 * The per-service token a vendor's notification service presents (Argo CD's, which can send fixed headers but
 * cannot sign): derived from the service's webhook secret, which the release manager chose and Passerelle keeps
 * sealed, so nothing more is stored and the secret itself never leaves for the vendor.
 * <pre>
 * token = lowercase hex(HMAC-SHA256(key = the service's webhook secret, "&lt;vendor&gt;-notifications:v1:" + service))
 * printf '%s' "argocd-notifications:v1:payments" | openssl dgst -sha256 -hmac "$WEBHOOK_SECRET"
 * </pre>
 * A release manager computes it once ({@code docs/executors/argocd.md}); re-registering the service with another
 * secret changes it.
 */
public final class NotificationTokens {

    private final CatalogedServices catalog;
    private final SecretSealer sealer;

    public NotificationTokens(CatalogedServices catalog, SecretSealer sealer) {
        this.catalog = catalog;
        this.sealer = sealer;
    }

    /** The token of {@code service}'s notifications from {@code vendor}, from its webhook secret. */
    public static String issue(String webhookSecret, String vendor, String service) {
        return HmacSha256.sign(webhookSecret, (vendor + "-notifications:v1:" + service)
                .getBytes(StandardCharsets.UTF_8)).substring(HmacSha256.PREFIX.length());
    }

    /**
     * @throws CallbackRefusedException without a service or a token (UNSIGNED), or when the token is not the
     *         service's (FORGED; an unknown service alike, so the answer tells nothing about the catalog)
     */
    public void verify(String vendor, @Nullable String service, @Nullable String token) {
        if (service == null || token == null) {
            throw new CallbackRefusedException(CallbackRefusedException.Kind.UNSIGNED, "a " + vendor
                    + " notification must say its service and token: send " + SERVICE + " and " + TOKEN);
        }
        var expected = catalog.byName(service).map(s -> issue(s.webhookSecret(sealer), vendor, service)).orElse("");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))
                || expected.isEmpty()) {
            throw new CallbackRefusedException(CallbackRefusedException.Kind.FORGED, TOKEN + " is not the " + vendor
                    + " notification token of service '" + service + "'; nothing was changed");
        }
    }

    public static final String SERVICE = "X-Passerelle-Service";
    public static final String TOKEN = "X-Passerelle-Token";
}
