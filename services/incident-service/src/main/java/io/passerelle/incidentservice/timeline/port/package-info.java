/** The timeline store (port). */
@NullMarked
package io.passerelle.incidentservice.timeline.port;

import org.jspecify.annotations.NullMarked;
