package io.passerelle.integrationservice.executor.adapter.argocd;

import java.util.UUID;

/**
 * The sync Passerelle started: on which application, at which revision, for which deployment. Argo CD records the
 * deployment id in the operation's info ({@value ArgoCdStatus#DEPLOYMENT_INFO}), where the status and the
 * notification give it back.
 */
public record ArgoCdOperation(String application, String revision, UUID deploymentId) {
}
