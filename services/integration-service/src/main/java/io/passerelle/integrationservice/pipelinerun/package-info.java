/** Pipeline runs reported by any CI over REST (Jenkins, Azure Pipelines, Buildkite, a script), idempotent by key. */
@NullMarked
package io.passerelle.integrationservice.pipelinerun;

import org.jspecify.annotations.NullMarked;
