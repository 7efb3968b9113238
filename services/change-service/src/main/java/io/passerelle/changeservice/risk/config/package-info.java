/** Wires the plain-Java risk assessor and the environment-profile use case. */
@NullMarked
package io.passerelle.changeservice.risk.config;

import org.jspecify.annotations.NullMarked;
