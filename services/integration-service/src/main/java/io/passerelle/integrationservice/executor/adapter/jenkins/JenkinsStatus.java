package io.passerelle.integrationservice.executor.adapter.jenkins;

/** Where a queued deployment stands in Jenkins. */
public sealed interface JenkinsStatus {

    /** Queued or building; {@code next} is where to follow it from now on. */
    record Running(JenkinsBuild next, String what) implements JenkinsStatus {
    }

    /** The build's result is SUCCESS. */
    record Succeeded(String buildUrl) implements JenkinsStatus {
    }

    /** Cancelled in the queue, or a build whose result is UNSTABLE, FAILURE, ABORTED or NOT_BUILT. */
    record Failed(String reason) implements JenkinsStatus {
    }
}
