/** The incident service's own record of raised changes (type and risk), projected from change-service's events: a factor of attribution. */
@NullMarked
package io.passerelle.incidentservice.change;

import org.jspecify.annotations.NullMarked;
