package io.passerelle.changeservice.risk.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The history of the changes this service recorded, as risk reads it. A change's implementation ended when it was
 * closed ({@code closedAt}); it failed or it succeeded.
 */
public interface ChangeHistory {

    /** The changes of the service, in any environment, whose implementation ended after {@code from} and at or before {@code to}. */
    Tally endedBetween(String service, Instant from, Instant to);

    /** When the newest successful implementation of a change of the service in the environment ended, at or before {@code until}. */
    Optional<Instant> lastSuccess(String service, String environment, Instant until);

    /** How many implementations ended, and how many of them failed. */
    record Tally(int ended, int failed) {

        public Tally {
            if (failed < 0 || ended < failed) {
                throw new IllegalArgumentException("failed " + failed + " of " + ended);
            }
        }
    }
}
