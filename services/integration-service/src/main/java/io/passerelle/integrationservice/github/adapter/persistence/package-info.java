/** Received GitHub deliveries and protection requests (with their reviews) in PostgreSQL. */
@NullMarked
package io.passerelle.integrationservice.github.adapter.persistence;

import org.jspecify.annotations.NullMarked;
