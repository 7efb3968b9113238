/** Received GitHub deliveries in PostgreSQL. */
@NullMarked
package io.passerelle.integrationservice.github.adapter.persistence;

import org.jspecify.annotations.NullMarked;
