package io.passerelle.incidentservice.incident;

import java.util.UUID;

/** A problem an incident is linked to, as the incident shows it: its id, title and state (a problem state's name). */
public record LinkedProblem(UUID problemId, String title, String state) {
}
