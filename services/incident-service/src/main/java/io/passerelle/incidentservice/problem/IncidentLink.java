package io.passerelle.incidentservice.problem;

import java.time.Instant;
import java.util.UUID;

/** An incident linked to a problem: which, when and by whom. */
public record IncidentLink(UUID incidentId, Instant linkedAt, String linkedBy) {
}
