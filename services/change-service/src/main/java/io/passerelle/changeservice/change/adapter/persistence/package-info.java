/** Persistence adapter: change requests, decisions and audit trail in plain SQL. */
@NullMarked
package io.passerelle.change.change.persistence;

import org.jspecify.annotations.NullMarked;
