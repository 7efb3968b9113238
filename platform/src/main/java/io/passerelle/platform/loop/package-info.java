/** A background loop woken by commits and otherwise polling, for relays and dispatchers. */
@NullMarked
package io.passerelle.platform.loop;

import org.jspecify.annotations.NullMarked;
