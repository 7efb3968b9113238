/** Closes resolved incidents whose reopen period is over, as they fall due. */
@NullMarked
package io.passerelle.incidentservice.incident.adapter.worker;

import org.jspecify.annotations.NullMarked;
