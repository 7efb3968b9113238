package io.passerelle.integration.github;

/** What a verified delivery leads to. */
public sealed interface Verdict {

    /** A green run on the default branch: {@code pipeline.succeeded.v1}. */
    record Accepted(PipelineSucceeded event) implements Verdict {
    }

    /** Nothing to do; the reason is told to the sender. */
    record Ignored(String reason) implements Verdict {
    }

    /** GitHub's {@code ping} when a webhook is created. */
    record Pong() implements Verdict {
    }
}
