/** HTTP adapter of releases and deployments: implements the generated ReleasesApi and DeploymentsApi. */
@NullMarked
package io.passerelle.releaseservice.deployment.adapter.web;

import org.jspecify.annotations.NullMarked;
