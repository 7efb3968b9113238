package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A deployment's dispatch as a callback sees it: where it went, its outcome once known ({@code outcome}: reported by
 * the target, settled by release-service — a timeout included — or FAILED because it could not be sent; with its
 * {@code reason}), the delivery that reported it, and the deadline after which no outcome is taken; {@code reference}:
 * how the executor follows it at the vendor, once started.
 */
public record RecordedDispatch(UUID deploymentId, String service, String environment, Target target,
        @Nullable String reference, @Nullable DeploymentOutcome outcome, @Nullable String reason,
        @Nullable UUID outcomeDelivery, @Nullable Instant deadline) {

    public String executor() {
        return target.type();
    }
}
