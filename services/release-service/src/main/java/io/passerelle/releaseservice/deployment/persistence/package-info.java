/** SQL adapter of releases and deployments: tables release and deployment. */
@NullMarked
package io.passerelle.releaseservice.deployment.persistence;

import org.jspecify.annotations.NullMarked;
