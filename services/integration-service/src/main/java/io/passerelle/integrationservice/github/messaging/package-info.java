/** pipeline.succeeded.v1 through the outbox. */
@NullMarked
package io.passerelle.integration.github.messaging;

import org.jspecify.annotations.NullMarked;
