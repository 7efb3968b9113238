/** Projects deployment.succeeded.v1 and deployment.failed.v1 into the deployment record. */
@NullMarked
package io.passerelle.incidentservice.deployment.adapter.messaging;

import org.jspecify.annotations.NullMarked;
