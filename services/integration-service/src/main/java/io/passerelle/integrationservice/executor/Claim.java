package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A dispatch claimed by this instance until {@code leaseUntil}: the call to make ({@code call}, through
 * {@code target}), how many attempts were already made (calls started, one whose answer was lost included) and how
 * they failed ({@code failures}, null before any failed attempt). {@code trace}: the trace context the dispatch was
 * requested in (W3C fields, opaque here), which the call continues.
 */
public record Claim(UUID deploymentId, String service, String environment, Target target, DeployCall call,
        int attempts, @Nullable String failures, Instant requestedAt, Instant leaseUntil, Map<String, String> trace)
        implements Attempted {

    public Claim {
        trace = Map.copyOf(trace);
    }

    @Override
    public UUID id() {
        return deploymentId;
    }

    public String targetUrl() {
        return target.url();
    }

    /** The deploy target type that carries it out. */
    public String executor() {
        return target.type();
    }
}
