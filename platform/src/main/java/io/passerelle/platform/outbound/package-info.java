/**
 * The outbound address guard: which URLs Passerelle may call (deploy targets), checked when they are registered and
 * at every call, with an operator allow-list for internal targets. Plain Java; the resolver is a port.
 */
@NullMarked
package io.passerelle.platform.outbound;

import org.jspecify.annotations.NullMarked;
