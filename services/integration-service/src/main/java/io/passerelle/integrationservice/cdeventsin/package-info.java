/**
 * CDEvents in: CDEvents v0.5.1 that registered senders post as CloudEvents (pipeline runs finished, services deployed,
 * incidents detected and resolved) told to Passerelle as its own events.
 */
@NullMarked
package io.passerelle.integrationservice.cdeventsin;

import org.jspecify.annotations.NullMarked;
