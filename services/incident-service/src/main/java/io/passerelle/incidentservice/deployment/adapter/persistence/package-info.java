/** The deployment projection in PostgreSQL. */
@NullMarked
package io.passerelle.incident.deployment.persistence;

import org.jspecify.annotations.NullMarked;
