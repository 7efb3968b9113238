/** Wires the plain-Java use cases and domain services of the freeze window feature. */
@NullMarked
package io.passerelle.changeservice.freezewindow.config;

import org.jspecify.annotations.NullMarked;
