/** Incidents: their priority, their alert deduplication, their suspects and their resolution. */
@NullMarked
package io.passerelle.incidentservice.incident;

import org.jspecify.annotations.NullMarked;
