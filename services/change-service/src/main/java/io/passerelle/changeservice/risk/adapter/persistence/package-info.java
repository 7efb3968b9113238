/** Persistence adapter: the change history read from change_request, the incident projection and the environment profiles, in plain SQL. */
@NullMarked
package io.passerelle.changeservice.risk.adapter.persistence;

import org.jspecify.annotations.NullMarked;
