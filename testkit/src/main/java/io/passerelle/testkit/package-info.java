/** A client of a running Passerelle: HTTP with tokens, signed deliveries, a deploy target. */
@NullMarked
package io.passerelle.testkit;

import org.jspecify.annotations.NullMarked;
