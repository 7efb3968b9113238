/** The dispatch log in PostgreSQL. */
@NullMarked
package io.passerelle.integration.executor.persistence;

import org.jspecify.annotations.NullMarked;
