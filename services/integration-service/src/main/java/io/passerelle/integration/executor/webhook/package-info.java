/** The webhook deploy target: a signed JSON POST, with retries and a circuit breaker per target (Resilience4j). */
@NullMarked
package io.passerelle.integration.executor.webhook;

import org.jspecify.annotations.NullMarked;
