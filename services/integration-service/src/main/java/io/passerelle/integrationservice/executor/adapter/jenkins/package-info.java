/** The Jenkins executor: queues a parameterized job (crumb handled), follows the queue item to its build and takes the build's result. */
@NullMarked
package io.passerelle.integrationservice.executor.adapter.jenkins;

import org.jspecify.annotations.NullMarked;
