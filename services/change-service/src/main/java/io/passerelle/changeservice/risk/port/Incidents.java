package io.passerelle.changeservice.risk.port;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.changeservice.risk.Incident;

/**
 * This service's projection of incident-service's incidents. Events may come twice or out of order: an incident
 * resolved before its opening arrived stays resolved.
 */
public interface Incidents {

    void opened(Incident incident);

    void resolved(UUID incidentId, String service, String environment, Instant resolvedAt);

    /** The incidents open now on the service in the environment, whatever their priority. */
    List<Incident> openOn(String service, String environment);
}
