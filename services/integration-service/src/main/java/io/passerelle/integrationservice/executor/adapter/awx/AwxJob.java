package io.passerelle.integrationservice.executor.adapter.awx;

import java.util.UUID;

/** The job AWX launched for one of Passerelle's deployments. */
public record AwxJob(long id, UUID deploymentId) {
}
