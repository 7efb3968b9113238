package io.passerelle.integration.alert;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

public record AlertFired(String fingerprint, @Nullable String alertName, String service, String environment,
        @Nullable String severity, @Nullable String summary, Instant startsAt, @Nullable String generatorUrl,
        Map<String, String> labels) {
}
