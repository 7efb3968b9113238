/** Wires the executor: timeouts, Resilience4j registries and the public URL targets call back on. */
@NullMarked
package io.passerelle.integration.executor.config;

import org.jspecify.annotations.NullMarked;
