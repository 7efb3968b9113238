package io.passerelle.integrationservice.pipelinerun;

import org.jspecify.annotations.Nullable;

/** The answer to a report, kept with its key: the same key and request get it again. */
public record Receipt(boolean accepted, @Nullable String reason, int events) {
}
