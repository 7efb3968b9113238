/** What incident management needs from outside: where incidents are kept (and their events published). */
@NullMarked
package io.passerelle.incidentservice.incident.port;

import org.jspecify.annotations.NullMarked;
