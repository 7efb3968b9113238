/** Change requests: raising, approving, rejecting and closing changes, with their decisions and audit trail. */
@NullMarked
package io.passerelle.changeservice.change;

import org.jspecify.annotations.NullMarked;
