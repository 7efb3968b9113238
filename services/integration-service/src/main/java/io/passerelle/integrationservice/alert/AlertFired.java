package io.passerelle.integrationservice.alert;

import java.time.Instant;
import java.util.Map;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Monitoring reports a firing alert; the subject is the alert's fingerprint. {@code service} and {@code environment}
 * are both present when the labels name a catalogued service and one of its environments ({@link Attribution}), both
 * absent otherwise (the alert is unattributed; its labels say what it is about). {@code source}: {@code alertmanager}
 * or {@code grafana}; Grafana adds its dashboard and panel links when the rule has them.
 */
@EventType("alert.fired.v1")
public record AlertFired(String fingerprint, @Nullable String alertName, @Nullable String service,
        @Nullable String environment, @Nullable String severity, @Nullable String summary, Instant startsAt,
        @Nullable String generatorUrl, Map<String, String> labels, String source, @Nullable String dashboardUrl,
        @Nullable String panelUrl) implements DomainEvent {

    @Override
    public String subject() {
        return fingerprint;
    }
}
