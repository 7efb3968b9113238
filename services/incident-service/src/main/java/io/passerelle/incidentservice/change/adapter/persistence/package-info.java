/** The change projection in PostgreSQL. */
@NullMarked
package io.passerelle.incidentservice.change.adapter.persistence;

import org.jspecify.annotations.NullMarked;
