/**
 * The outbound address guard: which URLs Passerelle may call (deploy targets, sinks, chat webhooks), checked when they
 * are registered and at every call, with an operator allow-list for internal targets; the pinned client; the poster
 * of outbox rows ({@link io.passerelle.platform.outbound.OutboxPoster}, retried with Resilience4j).
 */
@NullMarked
package io.passerelle.platform.outbound;

import org.jspecify.annotations.NullMarked;
