/** Wires the alert use case with the configured label names. */
@NullMarked
package io.passerelle.integration.alert.config;

import org.jspecify.annotations.NullMarked;
