package io.passerelle.releaseservice.catalog;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where deployments to an environment are sent, and through which executor ({@code type}): a signed webhook, an Argo
 * CD application, a GitHub deployment, a Jenkins job or an AWX job template. {@code url} is the webhook itself or the
 * vendor's base URL; {@code settings} say what to deploy there, as each type requires ({@link Type#settings});
 * {@code credentialSealed} is the credential the executor calls the vendor with (a bearer token, an API token),
 * sealed with the platform's {@code SecretSealer}: present for every type but {@code webhook}, which signs with the
 * service's webhook secret. Messages name the field under {@code deployTarget} they are about.
 */
public record DeployTarget(String type, URI url, Map<String, String> settings, @Nullable String credentialSealed) {

    public static final String WEBHOOK = "webhook";
    public static final int MAX_SETTING = 200;

    static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$");

    /** The executor types and their settings. */
    public enum Type {
        WEBHOOK("webhook", List.of(), List.of()),
        ARGOCD("argocd", List.of(Setting.APPLICATION), List.of(Setting.PROJECT)),
        GITHUB("github", List.of(), List.of(Setting.REPOSITORY, Setting.ENVIRONMENT)),
        JENKINS("jenkins", List.of(Setting.JOB, Setting.USER), List.of()),
        AWX("awx", List.of(Setting.JOB_TEMPLATE_ID), List.of());

        private final String value;
        private final List<Setting> required;
        private final List<Setting> optional;

        Type(String value, List<Setting> required, List<Setting> optional) {
            this.value = value;
            this.required = required;
            this.optional = optional;
        }

        public String value() {
            return value;
        }

        public static Type of(String value) {
            for (var type : values()) {
                if (type.value.equals(value)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("type: '" + value + "' is not an executor type (one of "
                    + java.util.Arrays.stream(values()).map(Type::value).toList() + ")");
        }

        /** The settings this type takes, required ones first. */
        public List<Setting> settings() {
            return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
        }
    }

    /** A setting: its name in {@code deployTarget.settings}, and the form of its value. */
    public enum Setting {
        APPLICATION("application", NAME, "an Argo CD application name"),
        PROJECT("project", NAME, "an Argo CD project name"),
        REPOSITORY("repository", Service.REPOSITORY, "owner/repo"),
        ENVIRONMENT("environment", NAME, "a GitHub environment name"),
        JOB("job", Pattern.compile("^[^/\\p{Cntrl}]+(/[^/\\p{Cntrl}]+)*$"),
                "a Jenkins job's full name, folders separated by slashes"),
        USER("user", Pattern.compile("^[^:\\p{Cntrl}]+$"), "a Jenkins user id"),
        JOB_TEMPLATE_ID("jobTemplateId", Pattern.compile("^[1-9][0-9]{0,17}$"), "an AWX job template id");

        private final String key;
        private final Pattern form;
        private final String described;

        Setting(String key, Pattern form, String described) {
            this.key = key;
            this.form = form;
            this.described = described;
        }

        public String key() {
            return key;
        }
    }

    public DeployTarget {
        var known = Type.of(type);
        var scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("url: " + url + " is not an absolute http(s) URL with a host");
        }
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        for (var key : settings.keySet()) {
            if (known.settings().stream().noneMatch(s -> s.key.equals(key))) {
                throw new IllegalArgumentException("settings." + key + ": not a setting of type " + type
                        + (known.settings().isEmpty() ? " (it takes none)" : " (it takes "
                                + known.settings().stream().map(Setting::key).toList() + ")"));
            }
        }
        for (var setting : known.required) {
            if (!settings.containsKey(setting.key)) {
                throw new IllegalArgumentException("settings." + setting.key + ": required for type " + type
                        + " (" + setting.described + ")");
            }
        }
        for (var setting : known.settings()) {
            var value = settings.get(setting.key);
            if (value != null && (value.length() > MAX_SETTING || !setting.form.matcher(value).matches())) {
                throw new IllegalArgumentException("settings." + setting.key + ": '" + value + "' is not "
                        + setting.described + " (at most " + MAX_SETTING + " characters)");
            }
        }
        if (known == Type.WEBHOOK && credentialSealed != null) {
            throw new IllegalArgumentException("credential: type webhook takes none (its calls are signed with"
                    + " the service's webhook secret)");
        }
        if (known != Type.WEBHOOK && credentialSealed == null) {
            throw new IllegalArgumentException("credential: required for type " + type + " ("
                    + credentialOf(known) + ")");
        }
    }

    /** @throws IllegalArgumentException when the URL is not an absolute http(s) URL */
    public static DeployTarget webhook(String url) {
        return new DeployTarget(WEBHOOK, URI.create(url), Map.of(), null);
    }

    /** What the credential of a target of this type is, as a release manager reads it. */
    public static String credentialOf(Type type) {
        return switch (type) {
            case WEBHOOK -> "none: the service's webhook secret signs the calls";
            case ARGOCD -> "an Argo CD bearer token: an account's API key or a project role's JWT";
            case GITHUB -> "a GitHub token with Deployments: write on the repository";
            case JENKINS -> "the Jenkins user's API token";
            case AWX -> "an AWX OAuth2 bearer token of a user with Execute on the job template";
        };
    }

    @Override
    public String toString() {
        return "DeployTarget[" + type + ", " + url + ", " + settings + (credentialSealed == null ? ""
                : ", credential sealed") + "]";
    }
}
