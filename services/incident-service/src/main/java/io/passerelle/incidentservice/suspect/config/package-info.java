/** Wires the attribution rule with its configured window. */
@NullMarked
package io.passerelle.incident.suspect.config;

import org.jspecify.annotations.NullMarked;
