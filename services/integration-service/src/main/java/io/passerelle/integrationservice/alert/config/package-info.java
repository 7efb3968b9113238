/** Wires the alert use case with the configured label names. */
@NullMarked
package io.passerelle.integrationservice.alert.config;

import org.jspecify.annotations.NullMarked;
