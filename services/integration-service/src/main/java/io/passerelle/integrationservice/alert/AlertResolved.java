package io.passerelle.integrationservice.alert;

import java.time.Instant;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A firing alert has cleared; the subject is the alert's fingerprint. {@code service} and {@code environment} as in
 * {@link AlertFired}: both or neither.
 */
@EventType("alert.resolved.v1")
public record AlertResolved(String fingerprint, @Nullable String alertName, @Nullable String service,
        @Nullable String environment, @Nullable Instant startsAt, Instant endsAt, String source)
        implements DomainEvent {

    @Override
    public String subject() {
        return fingerprint;
    }
}
