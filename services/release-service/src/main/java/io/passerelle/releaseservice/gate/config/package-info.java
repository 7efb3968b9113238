/** Wires the gate feature's plain-Java use cases, its waiting requests and its callback worker. */
@NullMarked
package io.passerelle.releaseservice.gate.config;

import org.jspecify.annotations.NullMarked;
