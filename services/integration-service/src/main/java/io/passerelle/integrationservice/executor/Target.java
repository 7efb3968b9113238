package io.passerelle.integrationservice.executor;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A deployment's deploy target, as release-service copied it onto the deployment: the executor {@code type}, its
 * {@code url} (the webhook, or the vendor's base URL), its {@code settings} (what to deploy there) and, for every type
 * but webhook, the credential the executor calls the vendor with, still sealed ({@code passerelle.secrets.key}): it is
 * unsealed only for a call, and never in a text.
 */
public record Target(String type, String url, Map<String, String> settings, @Nullable String credentialSealed) {

    public static final String WEBHOOK = "webhook";

    public Target {
        settings = Map.copyOf(settings);
    }

    /** A signed webhook: no settings, no credential (the service's webhook secret signs the calls). */
    public static Target webhook(String url) {
        return new Target(WEBHOOK, url, Map.of(), null);
    }

    /** A setting's value, or null when it is not set. */
    public @Nullable String setting(String key) {
        return settings.get(key);
    }

    @Override
    public String toString() {
        return "Target[" + type + ", " + url + ", " + settings + (credentialSealed == null ? "" : ", credential sealed")
                + "]";
    }
}
