package io.passerelle.integrationservice.alert;

import java.time.Instant;
import java.util.Map;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** Monitoring reports a firing alert for a service in an environment; the subject is the alert's fingerprint. */
@EventType("alert.fired.v1")
public record AlertFired(String fingerprint, @Nullable String alertName, String service, String environment,
        @Nullable String severity, @Nullable String summary, Instant startsAt, @Nullable String generatorUrl,
        Map<String, String> labels) implements DomainEvent {

    @Override
    public String subject() {
        return fingerprint;
    }
}
