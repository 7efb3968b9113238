package io.passerelle.integrationservice.pipelinerun.port;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.integrationservice.pipelinerun.PipelineRunReport;
import io.passerelle.integrationservice.pipelinerun.Receipt;

/** The pipeline runs already reported, by key (port). */
public interface PipelineRuns {

    /** What was answered to the key, with the SHA-256 of the request it came with. */
    record Recorded(String requestSha256, Receipt receipt) {
    }

    Optional<Recorded> byKey(String key);

    /** Records the run and its answer; false when the key was recorded meanwhile (nothing written then). */
    boolean record(String key, String requestSha256, PipelineRunReport report, String runId, Receipt receipt,
            String reportedBy, Instant at);
}
