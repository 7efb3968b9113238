/** Wires the GitHub use case. */
@NullMarked
package io.passerelle.integrationservice.github.config;

import org.jspecify.annotations.NullMarked;
