/** HTTP adapter of releases and deployments: implements the generated ReleasesApi and DeploymentsApi. */
@NullMarked
package io.passerelle.release.deployment.web;

import org.jspecify.annotations.NullMarked;
