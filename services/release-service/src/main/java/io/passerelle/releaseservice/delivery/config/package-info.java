/** Wiring of delivery performance: the use case, the gauges and their refresh. */
@NullMarked
package io.passerelle.releaseservice.delivery.config;

import org.jspecify.annotations.NullMarked;
