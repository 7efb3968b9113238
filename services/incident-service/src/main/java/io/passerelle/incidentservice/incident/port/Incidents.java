package io.passerelle.incidentservice.incident.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.incident.Incident;

/** All incidents (port). */
public interface Incidents {

    /**
     * Stores a new incident with its suspects, or the changes of a loaded one (refused, as a conflict, when someone
     * else changed it meanwhile), appends the timeline lines and publishes the events it registered, in the caller's
     * transaction.
     */
    void save(Incident incident);

    Optional<Incident> byId(UUID id);

    /** The open incident (NEW, ACKNOWLEDGED, IN_PROGRESS or ON_HOLD) of that alert fingerprint; there is at most one. */
    Optional<Incident> openWithFingerprint(String fingerprint);

    /**
     * Whether an incident of that fingerprint and start was already resolved, and maybe closed since (same alert,
     * same firing).
     */
    boolean resolvedWith(String fingerprint, Instant startedAt);

    /**
     * The incidents of {@code service} in {@code environment} that started in {@code [from, to]}, whatever their
     * state (by the {@code incident_by_target} index), oldest first.
     */
    List<Incident> startedBetween(String service, String environment, Instant from, Instant to);

    /** One page of the incidents that match, most recently opened first. */
    IncidentPage list(IncidentQuery query);

    /**
     * At most {@code limit} RESOLVED incidents resolved at or before {@code until}, earliest first, locked for the
     * caller's transaction and skipped by any other that locked them first.
     */
    List<Incident> resolvedUntil(Instant until, int limit);

    /** When the earliest RESOLVED incident was resolved, if any is. */
    Optional<Instant> earliestResolution();
}
