/** Delivery performance: the four DORA figures of a service's deployments, each with its level and the deployments behind it. */
@NullMarked
package io.passerelle.releaseservice.delivery;

import org.jspecify.annotations.NullMarked;
