/** Incidents and their suspects in PostgreSQL; saving an incident publishes the events it registered. */
@NullMarked
package io.passerelle.incidentservice.incident.adapter.persistence;

import org.jspecify.annotations.NullMarked;
