/** Wires the GitHub use case. */
@NullMarked
package io.passerelle.integration.github.config;

import org.jspecify.annotations.NullMarked;
