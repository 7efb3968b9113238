/** The dispatch outbox in PostgreSQL: requests, leased claims, outcomes. */
@NullMarked
package io.passerelle.integration.executor.persistence;

import org.jspecify.annotations.NullMarked;
