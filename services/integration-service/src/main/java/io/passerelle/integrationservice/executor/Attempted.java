package io.passerelle.integrationservice.executor;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What {@link RetryPolicy} knows of a claimed outbound call: a deploy target's dispatch ({@link Claim}) or a review
 * sent to GitHub. {@code id} seeds the jitter; {@code attempts} counts the calls started so far (one whose answer was
 * lost included); {@code failures} says how they failed (null before any failure); the give-up time counts from
 * {@code requestedAt}.
 */
public interface Attempted {

    UUID id();

    int attempts();

    @Nullable String failures();

    Instant requestedAt();
}
