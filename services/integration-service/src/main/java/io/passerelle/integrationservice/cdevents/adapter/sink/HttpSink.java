package io.passerelle.integrationservice.cdevents.adapter.sink;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP receiver of CDEvents an operator configured: its name (the outbox's destination {@code sink:<name>}), its
 * URL, and how it authenticates Passerelle — a bearer token, an HMAC secret (the deploy webhook's signature: {@code
 * X-Passerelle-Signature-256} over {@code X-Passerelle-Timestamp + "." + body}), both or neither.
 */
public record HttpSink(String name, String url, @Nullable String bearerToken, @Nullable String secret) {

    public HttpSink {
        if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("a CDEvents sink's name is lower-case letters, digits and dashes: "
                    + name);
        }
    }

    public String destination() {
        return "sink:" + name;
    }

    @Override
    public String toString() {
        return "HttpSink[" + name + " " + url + (bearerToken == null ? "" : ", bearer ***")
                + (secret == null ? "" : ", secret ***") + "]";
    }
}
