/** Delivery metrics: the four DORA figures of a service and environment over a period, with the deployments behind them. */
@NullMarked
package io.passerelle.console.metrics;

import org.jspecify.annotations.NullMarked;
