/**
 * The fault-injection mode of the end-to-end suite: a burst of green pipelines through the real stack while its
 * services are SIGKILLed and restarted, its RabbitMQ connections closed, its PostgreSQL backends terminated and its
 * deploy targets fail half their calls; then nothing lost, nothing duplicated, everything settled within a bound, no
 * deployment called again after it succeeded.
 */
@NullMarked
package io.passerelle.e2e.faults;

import org.jspecify.annotations.NullMarked;
