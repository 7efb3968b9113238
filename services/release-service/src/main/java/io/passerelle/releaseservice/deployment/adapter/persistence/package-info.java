/** SQL adapter of releases and deployments: tables release and deployment; saving publishes their events. */
@NullMarked
package io.passerelle.releaseservice.deployment.adapter.persistence;

import org.jspecify.annotations.NullMarked;
