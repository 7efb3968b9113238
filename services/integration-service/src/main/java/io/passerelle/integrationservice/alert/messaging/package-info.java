/** alert.fired.v1 and alert.resolved.v1 through the outbox. */
@NullMarked
package io.passerelle.integration.alert.messaging;

import org.jspecify.annotations.NullMarked;
