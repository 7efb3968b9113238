package io.passerelle.incidentservice.incident;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A known error suggested to an incident when it opened, as it read then: the problem, its title and its workaround
 * (a known error may have only a root cause).
 */
public record SuggestedKnownError(UUID problemId, String title, @Nullable String workaround) {
}
