/**
 * Deployments made by another tool (a CDEvents sender, GitLab deploying by itself), observed and published as
 * {@code deployment.observed.v1} so incidents can suspect them.
 */
@NullMarked
package io.passerelle.integrationservice.observeddeployment;

import org.jspecify.annotations.NullMarked;
