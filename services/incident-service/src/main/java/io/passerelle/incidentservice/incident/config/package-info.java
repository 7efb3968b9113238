/** Wires the incident use cases. */
@NullMarked
package io.passerelle.incidentservice.incident.config;

import org.jspecify.annotations.NullMarked;
