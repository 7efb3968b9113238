/** Wiring of the pipeline-run intake. */
@NullMarked
package io.passerelle.integrationservice.pipelinerun.config;

import org.jspecify.annotations.NullMarked;
