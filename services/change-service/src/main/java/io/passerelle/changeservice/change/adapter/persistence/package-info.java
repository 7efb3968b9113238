/** Persistence adapter: change requests, decisions and audit trail in plain SQL. */
@NullMarked
package io.passerelle.changeservice.change.adapter.persistence;

import org.jspecify.annotations.NullMarked;
