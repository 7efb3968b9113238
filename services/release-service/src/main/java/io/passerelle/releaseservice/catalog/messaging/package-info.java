/** Publishes catalog events (service.registered.v1) through the outbox. */
@NullMarked
package io.passerelle.releaseservice.catalog.messaging;

import org.jspecify.annotations.NullMarked;
