/** deployment.requested.v1 in (a PENDING dispatch); deployment.dispatched.v1 / deployment.dispatch-failed.v1 out through the outbox. */
@NullMarked
package io.passerelle.integration.executor.messaging;

import org.jspecify.annotations.NullMarked;
