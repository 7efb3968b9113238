/** Persistence adapter: the catalog projection in plain SQL. */
@NullMarked
package io.passerelle.change.catalog.persistence;

import org.jspecify.annotations.NullMarked;
