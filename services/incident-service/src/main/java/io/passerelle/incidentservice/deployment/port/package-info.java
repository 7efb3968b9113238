/** What the deployment projection needs from outside: where finished deployments are kept. */
@NullMarked
package io.passerelle.incidentservice.deployment.port;

import org.jspecify.annotations.NullMarked;
