/** Releases recorded from green pipelines and their deployments, promoted environment by environment. */
@NullMarked
package io.passerelle.releaseservice.deployment;

import org.jspecify.annotations.NullMarked;
