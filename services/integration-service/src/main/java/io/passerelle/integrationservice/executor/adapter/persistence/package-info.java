/** The dispatch outbox in PostgreSQL: requests, leased claims, outcomes. */
@NullMarked
package io.passerelle.integrationservice.executor.adapter.persistence;

import org.jspecify.annotations.NullMarked;
