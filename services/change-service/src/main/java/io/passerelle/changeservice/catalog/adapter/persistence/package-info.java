/** Persistence adapter: the catalog projection in plain SQL. */
@NullMarked
package io.passerelle.changeservice.catalog.adapter.persistence;

import org.jspecify.annotations.NullMarked;
