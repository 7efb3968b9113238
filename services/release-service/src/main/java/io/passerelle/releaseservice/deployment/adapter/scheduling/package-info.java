/** The deployment feature's timers, kept as rows: soaked promotions. */
@NullMarked
package io.passerelle.releaseservice.deployment.adapter.scheduling;

import org.jspecify.annotations.NullMarked;
