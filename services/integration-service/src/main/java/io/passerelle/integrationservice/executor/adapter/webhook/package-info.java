/**
 * The webhook deploy target: one signed JSON POST per attempt, to the addresses the outbound guard checked, through a
 * circuit breaker per target (Resilience4j).
 */
@NullMarked
package io.passerelle.integrationservice.executor.adapter.webhook;

import org.jspecify.annotations.NullMarked;
