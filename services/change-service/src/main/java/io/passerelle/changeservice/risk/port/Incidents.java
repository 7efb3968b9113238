package io.passerelle.changeservice.risk.port;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.changeservice.risk.Incident;

/**
 * This service's projection of incident-service's incidents. Events may come twice or out of order: an incident
 * resolved before its opening arrived stays resolved, and a reopening older than the recorded resolution (the
 * incident was resolved again since) changes nothing.
 */
public interface Incidents {

    void opened(Incident incident);

    /** Resolved at that time; of two resolutions (reopened in between) the later one stays. */
    void resolved(UUID incidentId, String service, String environment, Instant resolvedAt);

    /** Open again since that time, unless it was resolved later. */
    void reopened(UUID incidentId, String service, String environment, Instant reopenedAt);

    /** The incidents open now on the service in the environment, whatever their priority. */
    List<Incident> openOn(String service, String environment);
}
