package io.passerelle.incidentservice.incident.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.incidentservice.incident.LinkedProblem;

/** The problems incidents are linked to, for showing them with the incidents (port). */
public interface LinkedProblems {

    /** Per incident (absent: none), most recently linked first. */
    Map<UUID, List<LinkedProblem>> of(Collection<UUID> incidentIds);
}
