/** Incidents: their priority, their alert deduplication, their suspects and their resolution. */
@NullMarked
package io.passerelle.incident.incident;

import org.jspecify.annotations.NullMarked;
