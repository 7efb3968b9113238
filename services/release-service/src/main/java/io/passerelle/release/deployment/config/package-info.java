/** Wires the deployment feature's plain-Java use cases. */
@NullMarked
package io.passerelle.release.deployment.config;

import org.jspecify.annotations.NullMarked;
