/** What the gate feature needs from outside: its stores of gates and of callbacks, and the callback sender. */
@NullMarked
package io.passerelle.releaseservice.gate.port;

import org.jspecify.annotations.NullMarked;
