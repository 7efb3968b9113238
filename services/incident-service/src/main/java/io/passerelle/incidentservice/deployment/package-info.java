/** The incident service's own record of finished deployments, projected from release-service's events. */
@NullMarked
package io.passerelle.incidentservice.deployment;

import org.jspecify.annotations.NullMarked;
