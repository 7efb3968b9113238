/** Wires the incident use cases. */
@NullMarked
package io.passerelle.incident.incident.config;

import org.jspecify.annotations.NullMarked;
