package io.passerelle.integration.executor;

import java.time.Duration;

/** What one attempt to call a deploy target came to. {@code what} reads after "deploy target …". */
public sealed interface CallOutcome {

    /** The target answered 2xx. */
    record Accepted(int status) implements CallOutcome {
    }

    /** A final answer: any 4xx but 429, a 3xx (redirects are not followed), or a call that cannot work. */
    record Refused(String what) implements CallOutcome {
    }

    /** Worth another attempt: an I/O error or a timeout, 5xx, 429. */
    record Unavailable(String what) implements CallOutcome {
    }

    /** The target's circuit breaker refused the call: the target was not called, so it is not an attempt. */
    record CircuitOpen(String breaker, Duration retryIn) implements CallOutcome {
    }

    /** The call could not even be made (no secret to sign with): not an attempt, and final. */
    record NotCalled(String reason) implements CallOutcome {
    }
}
