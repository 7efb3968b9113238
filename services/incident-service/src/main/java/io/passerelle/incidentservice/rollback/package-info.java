/**
 * The rollbacks proposed for an incident (ADR 0020), followed from release-service's and change-service's events
 * onto the incident's timeline: planned or declined, its emergency change raised, authorized or rejected, its outcome.
 */
@NullMarked
package io.passerelle.incidentservice.rollback;

import org.jspecify.annotations.NullMarked;
