package io.passerelle.integration.alert;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

public record AlertResolved(String fingerprint, @Nullable String alertName, String service, String environment,
        @Nullable Instant startsAt, Instant endsAt) {
}
