/** Event handlers of pipeline, change and dispatch events; publishes release and deployment events through the outbox. */
@NullMarked
package io.passerelle.releaseservice.deployment.messaging;

import org.jspecify.annotations.NullMarked;
