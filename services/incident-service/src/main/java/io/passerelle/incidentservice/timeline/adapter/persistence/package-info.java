/** The timeline in PostgreSQL (table {@code timeline_entry}, append only). */
@NullMarked
package io.passerelle.incidentservice.timeline.adapter.persistence;

import org.jspecify.annotations.NullMarked;
