/** The broadcast of gate decisions: every instance hears gate.decided.v1 and wakes its own waiting requests. */
@NullMarked
package io.passerelle.releaseservice.gate.adapter.messaging;

import org.jspecify.annotations.NullMarked;
