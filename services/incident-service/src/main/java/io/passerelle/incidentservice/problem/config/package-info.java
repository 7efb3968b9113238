/** Wires the problem use cases and the known error database. */
@NullMarked
package io.passerelle.incidentservice.problem.config;

import org.jspecify.annotations.NullMarked;
