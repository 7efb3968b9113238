package io.passerelle.integration.alert;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One alert as monitoring reports it; timestamps that could not be read are absent. */
public record Alert(@Nullable String status, Map<String, String> labels, Map<String, String> annotations,
        @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable String generatorUrl,
        @Nullable String fingerprint) {

    public Alert {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }
}
