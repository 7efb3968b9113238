/** Messaging adapter: deployment events in (change events go out through the outbox when a change is saved). */
@NullMarked
package io.passerelle.changeservice.change.adapter.messaging;

import org.jspecify.annotations.NullMarked;
