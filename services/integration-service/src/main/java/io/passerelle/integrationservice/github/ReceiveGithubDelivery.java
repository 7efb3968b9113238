package io.passerelle.integration.github;

import java.time.Clock;

import io.passerelle.integration.catalog.CatalogedServices;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.crypto.SecretSealer;
import org.jspecify.annotations.Nullable;

/**
 * Receives one GitHub delivery: finds the repository's service, verifies the signature over the exact body, refuses
 * a replayed delivery id, records the delivery and publishes what the rules accept. Runs in the caller's transaction,
 * so the delivery record and the event commit together or not at all.
 */
public final class ReceiveGithubDelivery {

    private final CatalogedServices catalog;
    private final Deliveries deliveries;
    private final PipelineEvents events;
    private final SecretSealer sealer;
    private final Clock clock;

    public ReceiveGithubDelivery(CatalogedServices catalog, Deliveries deliveries, PipelineEvents events,
            SecretSealer sealer, Clock clock) {
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.events = events;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * @throws InvalidSignatureException nothing was recorded
     * @throws ReplayedDeliveryException nothing was recorded a second time
     */
    public Verdict receive(GithubDelivery delivery, byte[] body, @Nullable String signature) {
        var repository = delivery.repository();
        if (repository == null) {
            return new Verdict.Ignored("the delivery names no repository");
        }
        var service = catalog.byRepository(repository).orElse(null);
        if (service == null) {
            return new Verdict.Ignored("repository " + repository + " is not in the catalog");
        }
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
        var verdict = PipelineRules.judge(delivery, service);
        if (verdict instanceof Verdict.Accepted accepted) {
            events.succeeded(accepted.event());
        }
        return verdict;
    }
}
