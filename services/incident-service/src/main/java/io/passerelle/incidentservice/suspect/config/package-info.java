/** Wires the attribution rule with its configured window. */
@NullMarked
package io.passerelle.incidentservice.suspect.config;

import org.jspecify.annotations.NullMarked;
