/** SQL adapter of gates: tables gate and gate_callback; saving a gate publishes its events. */
@NullMarked
package io.passerelle.releaseservice.gate.adapter.persistence;

import org.jspecify.annotations.NullMarked;
