package io.passerelle.integrationservice.executor;

import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.executor.port.DeploymentStatuses;

/**
 * GitHub's {@code deployment_status} event, received through the repository's signed webhook (its intake verified
 * the signature with the repository's secret and refused a replayed delivery): the deployment named in the payload
 * Passerelle put on the GitHub deployment takes its outcome ({@link ReceiveNotification}, source
 * {@code notification}, GitHub's delivery id), provided the status is of the GitHub deployment Passerelle created
 * for it.
 */
public final class ReceiveDeploymentStatus {

    public static final String EVENT = "deployment_status";
    static final String EXECUTOR = "github";

    private final DeploymentStatuses statuses;
    private final ReceiveNotification notifications;

    public ReceiveDeploymentStatus(DeploymentStatuses statuses, ReceiveNotification notifications) {
        this.statuses = statuses;
        this.notifications = notifications;
    }

    /**
     * @param service the service of the repository whose secret signed the delivery
     * @throws IllegalArgumentException when the body is not a deployment_status event
     */
    public ReceiveNotification.Result receive(String service, String deliveryId, byte[] body) {
        var status = statuses.read(body);
        if (status.isEmpty()) {
            return new ReceiveNotification.Result.Ignored("the deployment is not one Passerelle created");
        }
        var github = Long.toString(status.get().githubDeploymentId());
        return notifications.receive(new ReceiveNotification.Notice(EXECUTOR, status.get().deploymentId(), service,
                uuid(deliveryId), dispatch -> github.equals(dispatch.reference()) ? Optional.of(status.get().observed())
                        : Optional.empty()));
    }

    private static UUID uuid(String deliveryId) {
        try {
            return UUID.fromString(deliveryId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(deliveryId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
