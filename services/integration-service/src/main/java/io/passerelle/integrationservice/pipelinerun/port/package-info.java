/** What reporting a pipeline run needs from outside (ports). */
@NullMarked
package io.passerelle.integrationservice.pipelinerun.port;

import org.jspecify.annotations.NullMarked;
