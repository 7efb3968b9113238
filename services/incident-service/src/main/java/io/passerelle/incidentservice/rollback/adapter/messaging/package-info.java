/**
 * The events that tell what became of an incident's rollback.
 */
@NullMarked
package io.passerelle.incidentservice.rollback.adapter.messaging;

import org.jspecify.annotations.NullMarked;
