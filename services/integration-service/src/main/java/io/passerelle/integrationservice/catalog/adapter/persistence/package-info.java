/** The catalog projection in PostgreSQL. */
@NullMarked
package io.passerelle.integration.catalog.persistence;

import org.jspecify.annotations.NullMarked;
