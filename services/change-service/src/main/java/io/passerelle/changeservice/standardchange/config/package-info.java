/** Wires the plain-Java use cases of standard-change templates. */
@NullMarked
package io.passerelle.changeservice.standardchange.config;

import org.jspecify.annotations.NullMarked;
