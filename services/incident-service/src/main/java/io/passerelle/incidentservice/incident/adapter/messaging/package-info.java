/** Opens and resolves incidents from monitoring alerts; publishes incident events through the outbox. */
@NullMarked
package io.passerelle.incident.incident.messaging;

import org.jspecify.annotations.NullMarked;
