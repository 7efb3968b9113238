/** Trace context carried through the outbox and the bus, so that one pipeline is one trace across the services. */
@NullMarked
package io.passerelle.platform.trace;

import org.jspecify.annotations.NullMarked;
