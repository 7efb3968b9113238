/**
 * Rollback proposals in PostgreSQL, their timeline lines appended with them.
 */
@NullMarked
package io.passerelle.incidentservice.rollback.adapter.persistence;

import org.jspecify.annotations.NullMarked;
