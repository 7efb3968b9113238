/** What the standard-change templates need from outside: the store of their versions. */
@NullMarked
package io.passerelle.changeservice.standardchange.port;

import org.jspecify.annotations.NullMarked;
