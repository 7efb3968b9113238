/**
 * What the rollback feature needs from outside: where its proposals are kept.
 */
@NullMarked
package io.passerelle.incidentservice.rollback.port;

import org.jspecify.annotations.NullMarked;
