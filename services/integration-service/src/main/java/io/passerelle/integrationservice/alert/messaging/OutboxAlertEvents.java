package io.passerelle.integration.alert.messaging;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.passerelle.integration.alert.AlertEvents;
import io.passerelle.integration.alert.AlertFired;
import io.passerelle.integration.alert.AlertResolved;
import io.passerelle.platform.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Maps alert events to {@code alert.fired.v1} / {@code alert.resolved.v1} (api-specs/events); subject = fingerprint. */
@Component
class OutboxAlertEvents implements AlertEvents {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Fired(String fingerprint, @Nullable String alertName, String service, String environment,
            @Nullable String severity, @Nullable String summary, Instant startsAt, @Nullable String generatorUrl,
            Map<String, String> labels) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Resolved(String fingerprint, @Nullable String alertName, String service, String environment,
            @Nullable Instant startsAt, Instant endsAt) {
    }

    private final Outbox outbox;

    OutboxAlertEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void fired(AlertFired e) {
        outbox.append("alert.fired.v1", e.fingerprint(), new Fired(e.fingerprint(), e.alertName(), e.service(),
                e.environment(), e.severity(), e.summary(), e.startsAt(), e.generatorUrl(), e.labels()));
    }

    @Override
    public void resolved(AlertResolved e) {
        outbox.append("alert.resolved.v1", e.fingerprint(), new Resolved(e.fingerprint(), e.alertName(), e.service(),
                e.environment(), e.startsAt(), e.endsAt()));
    }
}
