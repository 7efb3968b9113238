/** What the deployment feature needs from outside: its stores of releases and deployments. */
@NullMarked
package io.passerelle.releaseservice.deployment.port;

import org.jspecify.annotations.NullMarked;
