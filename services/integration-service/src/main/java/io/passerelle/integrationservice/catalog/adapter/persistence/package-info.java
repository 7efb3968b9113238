/** The catalog projection in PostgreSQL. */
@NullMarked
package io.passerelle.integrationservice.catalog.adapter.persistence;

import org.jspecify.annotations.NullMarked;
