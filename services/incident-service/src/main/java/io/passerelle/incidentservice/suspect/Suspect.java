package io.passerelle.incidentservice.suspect;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.incidentservice.deployment.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * A deployment suspected of causing an incident: its rank (1 = most likely), its score in [0, 1] (3 decimals) and
 * the reason in words. Stored with the incident as it was computed when the incident opened.
 */
public record Suspect(int rank, UUID deploymentId, String version, String commitSha, @Nullable UUID changeId,
        Outcome outcome, Instant finishedAt, double score, String reason) {
}
