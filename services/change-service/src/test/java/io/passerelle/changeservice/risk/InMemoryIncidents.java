package io.passerelle.changeservice.risk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.changeservice.risk.port.Incidents;

/** The incident projection for the unit tests. */
class InMemoryIncidents implements Incidents {

    private final Map<UUID, Incident> open = new LinkedHashMap<>();
    private final Map<UUID, Incident> resolved = new LinkedHashMap<>();

    InMemoryIncidents open(String service, String environment, String priority) {
        opened(new Incident(UUID.randomUUID(), service, environment, priority, Instant.EPOCH));
        return this;
    }

    @Override
    public void opened(Incident incident) {
        open.put(incident.id(), incident);
    }

    @Override
    public void resolved(UUID incidentId, String service, String environment, Instant resolvedAt) {
        var incident = open.remove(incidentId);
        if (incident != null) {
            resolved.put(incidentId, incident);
        }
    }

    @Override
    public void reopened(UUID incidentId, String service, String environment, Instant reopenedAt) {
        var incident = resolved.remove(incidentId);
        if (incident != null) {
            open.put(incidentId, incident);
        }
    }

    @Override
    public List<Incident> openOn(String service, String environment) {
        return open.values().stream().filter(i -> i.service().equals(service) && i.environment().equals(environment))
                .toList();
    }
}
