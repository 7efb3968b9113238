package io.passerelle.releaseservice.catalog;

import java.net.URI;

/** Where deployments to an environment are sent. Only signed webhooks exist so far. */
public record DeployTarget(String type, URI url) {

    public static final String WEBHOOK = "webhook";

    public DeployTarget {
        if (!WEBHOOK.equals(type)) {
            throw new IllegalArgumentException("deploy target type must be '" + WEBHOOK + "', not '" + type + "'");
        }
        var scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("deploy target url must be an absolute http(s) URL: " + url);
        }
    }

    /** @throws IllegalArgumentException when the URL is not an absolute http(s) URL */
    public static DeployTarget webhook(String url) {
        return new DeployTarget(WEBHOOK, URI.create(url));
    }
}
