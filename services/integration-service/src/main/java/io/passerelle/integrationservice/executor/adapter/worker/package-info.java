/** The dispatcher (the {@code Dispatcher} port): claims due dispatches with a lease, calls the target outside any transaction, records the outcome. */
@NullMarked
package io.passerelle.integrationservice.executor.adapter.worker;

import org.jspecify.annotations.NullMarked;
