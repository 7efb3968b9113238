/** What the change domain needs from outside: the store of change requests. */
@NullMarked
package io.passerelle.changeservice.change.port;

import org.jspecify.annotations.NullMarked;
