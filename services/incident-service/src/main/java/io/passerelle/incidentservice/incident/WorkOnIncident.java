package io.passerelle.incidentservice.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;

import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.platform.domain.NotFoundException;

/**
 * What people do to an incident, now and in their name: acknowledge, start, hold, resume, close, reopen it, assign
 * it, note what they did, change its priority. Each loads the incident (unknown: not found), asks the aggregate
 * (an illegal transition: a state conflict, nothing written) and saves it with its timeline lines and events.
 */
public final class WorkOnIncident {

    private final Incidents incidents;
    private final PriorityMatrix matrix;
    private final Duration reopenWithin;
    private final Clock clock;

    public WorkOnIncident(Incidents incidents, PriorityMatrix matrix, Duration reopenWithin, Clock clock) {
        this.incidents = incidents;
        this.matrix = matrix;
        this.reopenWithin = reopenWithin;
        this.clock = clock;
    }

    public Incident acknowledge(UUID id, String by) {
        return change(id, (incident, now) -> incident.acknowledge(now, by));
    }

    public Incident start(UUID id, String by) {
        return change(id, (incident, now) -> incident.start(now, by));
    }

    public Incident hold(UUID id, String reason, String by) {
        return change(id, (incident, now) -> incident.hold(now, by, reason));
    }

    public Incident resume(UUID id, String by) {
        return change(id, (incident, now) -> incident.resume(now, by));
    }

    public Incident close(UUID id, String by) {
        return change(id, (incident, now) -> incident.close(now, by));
    }

    public Incident reopen(UUID id, String reason, String by) {
        return change(id, (incident, now) -> incident.reopen(now, by, reason, reopenWithin));
    }

    public Incident assign(UUID id, Assignment to, String by) {
        return change(id, (incident, now) -> incident.assign(to, now, by));
    }

    public Incident reprioritize(UUID id, Level impact, Level urgency, String reason, String by) {
        return change(id, (incident, now) -> incident.reprioritize(matrix.rate(impact, urgency), reason, now, by));
    }

    public TimelineEntry addNote(UUID id, String text, String by) {
        var incident = load(id);
        var note = incident.addNote(text, clock.instant(), by);
        incidents.save(incident);
        return note;
    }

    private Incident change(UUID id, BiConsumer<Incident, Instant> change) {
        var incident = load(id);
        change.accept(incident, clock.instant());
        incidents.save(incident);
        return incident;
    }

    private Incident load(UUID id) {
        return incidents.byId(id).orElseThrow(() -> new NotFoundException("incident", id));
    }
}
