package io.passerelle.changeservice.change.port;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.changeservice.change.Hold;

/** The freeze windows, as the change lifecycle asks them whether a change may be implemented now. */
@FunctionalInterface
public interface Freezes {

    /** What holds a change to the service in the environment at that instant; empty when nothing covers it. */
    Optional<Hold> holding(String service, String environment, Instant at);
}
