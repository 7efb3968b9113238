/** Received GitHub deliveries in PostgreSQL. */
@NullMarked
package io.passerelle.integration.github.persistence;

import org.jspecify.annotations.NullMarked;
