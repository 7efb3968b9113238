/** Wires the alert use cases with the label rules of each source and Grafana's window. */
@NullMarked
package io.passerelle.integrationservice.alert.config;

import org.jspecify.annotations.NullMarked;
