/** Wires the deployment feature's plain-Java use cases. */
@NullMarked
package io.passerelle.releaseservice.deployment.config;

import org.jspecify.annotations.NullMarked;
