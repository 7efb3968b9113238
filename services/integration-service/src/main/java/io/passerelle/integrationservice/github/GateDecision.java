package io.passerelle.integrationservice.github;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What Passerelle decided about a gate ({@code gate.decided.v1}): {@code ALLOWED} and {@code REFUSED} are final;
 * {@code PENDING}, {@code HELD} (a freeze window holds it) and any later word are not, and GitHub is not told yet.
 */
public record GateDecision(UUID gateId, String decision, @Nullable UUID changeId, @Nullable String reason) {
}
