/** deployment.requested.v1 in (a PENDING dispatch), deployment.succeeded.v1 / deployment.failed.v1 in (the dispatch settles); deployment.dispatched.v1 / deployment.dispatch-failed.v1 out through the outbox. */
@NullMarked
package io.passerelle.integration.executor.messaging;

import org.jspecify.annotations.NullMarked;
