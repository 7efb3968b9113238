/** Wires the attribution rule with its configured window and high-risk threshold. */
@NullMarked
package io.passerelle.incidentservice.suspect.config;

import org.jspecify.annotations.NullMarked;
