/**
 * The timeline of an incident: what happened to it and around it, in order, as the on-call engineer and the service
 * desk read it. Every feature appends to it; nothing is ever changed or removed.
 */
@NullMarked
package io.passerelle.incidentservice.timeline;

import org.jspecify.annotations.NullMarked;
