/** The DORA figures as Prometheus gauges, refreshed in the background over a rolling window. */
@NullMarked
package io.passerelle.releaseservice.delivery.adapter.metrics;

import org.jspecify.annotations.NullMarked;
