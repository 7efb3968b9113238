/** Messaging adapter: keeps the projection of incidents up to date from incident.opened.v1 and incident.resolved.v1. */
@NullMarked
package io.passerelle.changeservice.risk.adapter.messaging;

import org.jspecify.annotations.NullMarked;
