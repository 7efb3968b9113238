package io.passerelle.changeservice.risk;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An incident open on a service in an environment, as incident-service announced it (our projection). */
public record Incident(UUID id, String service, String environment, String priority, Instant openedAt) {

    public static final String P1 = "P1";
    public static final String P2 = "P2";

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(priority, "priority");
    }
}
