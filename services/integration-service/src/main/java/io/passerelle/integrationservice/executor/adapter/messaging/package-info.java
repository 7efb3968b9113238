/** deployment.requested.v1 in (a PENDING dispatch), deployment.succeeded.v1 / deployment.failed.v1 in (the dispatch settles). */
@NullMarked
package io.passerelle.integrationservice.executor.adapter.messaging;

import org.jspecify.annotations.NullMarked;
