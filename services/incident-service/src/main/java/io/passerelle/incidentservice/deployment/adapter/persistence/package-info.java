/** The deployment projection in PostgreSQL. */
@NullMarked
package io.passerelle.incidentservice.deployment.adapter.persistence;

import org.jspecify.annotations.NullMarked;
