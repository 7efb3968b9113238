/** HTTP adapter of delivery performance: implements the generated MetricsApi (GET /api/v1/metrics/dora). */
@NullMarked
package io.passerelle.releaseservice.delivery.adapter.web;

import org.jspecify.annotations.NullMarked;
