package io.passerelle.releaseservice.deployment.port;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.releaseservice.deployment.OpenedIncident;

/** The incidents opened on services' environments, as incident-service announced them. */
public interface OpenedIncidents {

    /** False when it was known already. */
    boolean record(OpenedIncident incident);

    /** The first incident opened on that environment of that service in [{@code from}, {@code to}]. */
    Optional<OpenedIncident> firstBetween(String service, String environment, Instant from, Instant to);
}
