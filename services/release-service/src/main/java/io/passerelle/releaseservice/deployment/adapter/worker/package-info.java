/** The deployment feature's timers, kept as rows: deployments without outcome by their deadline fail, soaked releases are promoted. */
@NullMarked
package io.passerelle.releaseservice.deployment.adapter.worker;

import org.jspecify.annotations.NullMarked;
