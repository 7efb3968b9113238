/**
 * Wiring of the rollback feature's use case.
 */
@NullMarked
package io.passerelle.incidentservice.rollback.config;

import org.jspecify.annotations.NullMarked;
