/** Posts gate decisions to their callback URLs: signed, through the outbound guard, with bounded retries. */
@NullMarked
package io.passerelle.releaseservice.gate.adapter.callback;

import org.jspecify.annotations.NullMarked;
