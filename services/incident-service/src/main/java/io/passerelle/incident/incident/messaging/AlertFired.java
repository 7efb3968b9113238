package io.passerelle.incident.incident.messaging;

import java.time.Instant;

import io.passerelle.incident.incident.FiringAlert;
import org.jspecify.annotations.Nullable;

/** Our own reading of alert.fired.v1 data: only the fields we use. */
record AlertFired(String fingerprint, String alertName, String service, String environment,
        @Nullable String severity, @Nullable String summary, Instant startsAt) {

    FiringAlert alert() {
        return new FiringAlert(fingerprint, alertName, service, environment, severity, summary, startsAt);
    }
}
