/** POST /api/v1/pipeline-runs (role pipeline), the generated interface, its refusals as problems. */
@NullMarked
package io.passerelle.integrationservice.pipelinerun.adapter.web;

import org.jspecify.annotations.NullMarked;
