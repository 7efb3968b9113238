/** Wires the plain-Java use cases of the change feature. */
@NullMarked
package io.passerelle.changeservice.change.config;

import org.jspecify.annotations.NullMarked;
