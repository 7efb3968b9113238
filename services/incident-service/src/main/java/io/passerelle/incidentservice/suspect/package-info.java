/** Attribution: which recent deployments of a service are suspected of causing its incident, and why; what people decided about them. */
@NullMarked
package io.passerelle.incidentservice.suspect;

import org.jspecify.annotations.NullMarked;
