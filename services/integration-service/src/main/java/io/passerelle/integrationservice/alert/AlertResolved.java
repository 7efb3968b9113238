package io.passerelle.integrationservice.alert;

import java.time.Instant;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/** A firing alert has cleared; the subject is the alert's fingerprint. */
@EventType("alert.resolved.v1")
public record AlertResolved(String fingerprint, @Nullable String alertName, String service, String environment,
        @Nullable Instant startsAt, Instant endsAt) implements DomainEvent {

    @Override
    public String subject() {
        return fingerprint;
    }
}
