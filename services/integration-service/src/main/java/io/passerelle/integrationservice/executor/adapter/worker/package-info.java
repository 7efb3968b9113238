/** The dispatcher: claims due dispatches with a lease, calls the target outside any transaction, records the outcome. */
@NullMarked
package io.passerelle.integration.executor.worker;

import org.jspecify.annotations.NullMarked;
