/** The webhook deploy target: one signed JSON POST per attempt, through a circuit breaker per target (Resilience4j). */
@NullMarked
package io.passerelle.integration.executor.webhook;

import org.jspecify.annotations.NullMarked;
