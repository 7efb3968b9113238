/** The deployment timeout worker: fails underway deployments that have had no outcome by their deadline. */
@NullMarked
package io.passerelle.releaseservice.deployment.adapter.worker;

import org.jspecify.annotations.NullMarked;
