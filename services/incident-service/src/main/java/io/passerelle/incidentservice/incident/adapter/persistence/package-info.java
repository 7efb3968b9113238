/** Incidents and their suspects in PostgreSQL. */
@NullMarked
package io.passerelle.incident.incident.persistence;

import org.jspecify.annotations.NullMarked;
