package io.passerelle.releaseservice.gate.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.releaseservice.gate.GateDecided;

/** The decisions to post to gates' callback URLs, one row each, until delivered or given up. */
public interface GateCallbacks {

    /** A decision to post to the callback URL of its gate, in the caller's transaction. */
    void schedule(GateDecided decision, Instant at);

    /**
     * Up to {@code limit} callbacks due at {@code now}, each counted as one more attempt and leased until
     * {@code now + lease} (another claim gets it again after that, should this one never be recorded).
     */
    List<Delivery> claim(int limit, Instant now, Duration lease);

    void delivered(UUID id, Instant at);

    /** Another attempt at {@code next}. */
    void retry(UUID id, Instant next, String error);

    /** Given up. */
    void failed(UUID id, Instant at, String error);

    /** When the next pending callback falls due, if any is pending. */
    Optional<Instant> nextDue();

    /** A claimed callback: where it goes, its sealed key, the exact body, and how many attempts this one makes. */
    record Delivery(UUID id, UUID gateId, String url, String secretSealed, String body, int attempts) {
    }
}
