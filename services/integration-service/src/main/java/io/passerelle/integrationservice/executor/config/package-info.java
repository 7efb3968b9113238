/** Wires the executor: properties, the retry policy, the dispatcher, the circuit breakers and the public URL targets call back on. */
@NullMarked
package io.passerelle.integrationservice.executor.config;

import org.jspecify.annotations.NullMarked;
