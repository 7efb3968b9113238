/** Opens and resolves incidents from monitoring's alert events. */
@NullMarked
package io.passerelle.incidentservice.incident.adapter.messaging;

import org.jspecify.annotations.NullMarked;
