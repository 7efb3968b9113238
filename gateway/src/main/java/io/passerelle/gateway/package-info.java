/** Routing, edge security and edge errors of Passerelle. */
@NullMarked
package io.passerelle.gateway;

import org.jspecify.annotations.NullMarked;
