package io.passerelle.integration.github;

/** Where {@code pipeline.succeeded.v1} goes (port; the outbox, in the caller's transaction). */
public interface PipelineEvents {

    void succeeded(PipelineSucceeded event);
}
