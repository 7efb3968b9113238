package io.passerelle.integrationservice.github;

import java.time.Clock;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.executor.ReceiveDeploymentStatus;
import io.passerelle.integrationservice.executor.ReceiveNotification;
import io.passerelle.integrationservice.github.port.Deliveries;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventPublisher;
import org.jspecify.annotations.Nullable;

/**
 * Receives one GitHub delivery: finds the repository's service, verifies the signature over the exact body, refuses
 * a replayed delivery id, records the delivery and publishes what the rules accept; a {@code deployment_status} goes to
 * the executor ({@link ReceiveDeploymentStatus}). Runs in the caller's transaction,
 * so the delivery record and the event commit together or not at all.
 */
public final class ReceiveGithubDelivery {

    /** What a verified delivery leads to. */
    public sealed interface Outcome {

        /**
         * A completed run on the default branch: {@code pipeline.succeeded.v1} when green, else
         * {@code pipeline.failed.v1}.
         */
        record Accepted(DomainEvent event) implements Outcome {
        }

        /** Nothing to do; the reason is told to the sender. */
        record Ignored(String reason) implements Outcome {
        }

        /**
         * A {@code deployment_status} of a deployment Passerelle created through GitHub Deployments, handed to the
         * executor: what it came to ({@code outcome recorded}, …).
         */
        record Reported(String what) implements Outcome {
        }

        /** GitHub's {@code ping} when a webhook is created. */
        record Pong() implements Outcome {
        }
    }

    private final CatalogedServices catalog;
    private final Deliveries deliveries;
    private final EventPublisher events;
    private final SecretSealer sealer;
    private final Clock clock;
    private final ReceiveDeploymentStatus deploymentStatuses;

    public ReceiveGithubDelivery(CatalogedServices catalog, Deliveries deliveries, EventPublisher events,
            SecretSealer sealer, Clock clock, ReceiveDeploymentStatus deploymentStatuses) {
        this.deploymentStatuses = deploymentStatuses;
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.events = events;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * @throws UnknownRepositoryException nothing was recorded
     * @throws InvalidSignatureException nothing was recorded
     * @throws ReplayedDeliveryException nothing was recorded a second time
     */
    public Outcome receive(GithubDelivery delivery, byte[] body, @Nullable String signature) {
        var repository = delivery.repository();
        if (repository == null) {
            return new Outcome.Ignored("the delivery names no repository");
        }
        var service = catalog.byRepository(repository).orElseThrow(() -> new UnknownRepositoryException("repository "
                + repository + " is not in the catalog: register it and redeliver"));
        if (signature == null) {
            throw new InvalidSignatureException("X-Hub-Signature-256 is missing");
        }
        if (!HmacSha256.verify(service.webhookSecret(sealer), body, signature)) {
            throw new InvalidSignatureException(
                    "X-Hub-Signature-256 is not the signature of this body under the webhook secret of " + repository);
        }
        if (!deliveries.record(delivery.deliveryId(), delivery.event(), service.name(), clock.instant())) {
            throw new ReplayedDeliveryException(delivery.deliveryId());
        }
        if (delivery.event().equals(ReceiveDeploymentStatus.EVENT)) {
            return switch (deploymentStatuses.receive(service.name(), delivery.deliveryId(), body)) {
                case ReceiveNotification.Result.Recorded recorded -> new Outcome.Reported("outcome "
                        + recorded.outcome() + " recorded");
                case ReceiveNotification.Result.AlreadyRecorded known -> new Outcome.Reported("outcome "
                        + known.outcome() + " already recorded");
                case ReceiveNotification.Result.Ignored ignored -> new Outcome.Ignored(ignored.reason());
            };
        }
        var outcome = PipelineRules.judge(delivery, service);
        if (outcome instanceof Outcome.Accepted accepted) {
            events.publish(accepted.event());
        }
        return outcome;
    }
}
