/** Messaging adapter: deployment events in, change events out through the outbox. */
@NullMarked
package io.passerelle.change.change.messaging;

import org.jspecify.annotations.NullMarked;
