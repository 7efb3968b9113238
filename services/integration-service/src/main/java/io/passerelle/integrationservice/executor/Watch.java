package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A started deployment claimed by this instance until {@code leaseUntil} to look at where it stands: through
 * {@code target}, by {@code reference}; {@code checks} looks were taken before; no outcome is taken at or after
 * {@code deadline} (none: requested before deadlines existed).
 */
public record Watch(UUID deploymentId, String service, String environment, Target target, DeployCall call,
        String reference, int checks, Instant leaseUntil, @Nullable Instant deadline, Map<String, String> trace) {

    public Watch {
        trace = Map.copyOf(trace);
    }
}
