/** The GitHub Deployments executor: creates a deployment for the commit and environment, and reads its deployment_status events. */
@NullMarked
package io.passerelle.integrationservice.executor.adapter.githubdeployments;

import org.jspecify.annotations.NullMarked;
