package io.passerelle.integrationservice.github;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.github.port.Deliveries;
import io.passerelle.integrationservice.github.port.ProtectionRequests;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.event.EventPublisher;
import org.jspecify.annotations.Nullable;

/**
 * Receives a {@code deployment_protection_rule} delivery and asks Passerelle for a gate. In order, each refusal
 * writing nothing: the signature must be the HMAC of the body under the GitHub App's webhook secret (401; only an
 * App can be a protection rule, and a repository's secret is also known to its deploy targets); an action other than
 * {@code requested} is ignored; the fields used must be there (400); the callback URL must be this API's review
 * endpoint for the repository (400); the repository must be in the catalog and the environment one its service has
 * (422); the delivery id must be new (409). Then, in the caller's transaction: the delivery, the protection request
 * and {@code gate.requested.v1}.
 */
public final class RequestGate {

    private static final Pattern SHA = Pattern.compile("^[0-9a-f]{7,40}$");
    private static final int MAX_ENVIRONMENT = 255;

    /** What a verified delivery leads to. */
    public sealed interface Outcome {

        /** A gate was asked for. */
        record Requested(GateRequested event) implements Outcome {
        }

        /** Nothing to do; the reason is told to the sender. */
        record Ignored(String reason) implements Outcome {
        }
    }

    private final CatalogedServices catalog;
    private final Deliveries deliveries;
    private final ProtectionRequests requests;
    private final EventPublisher events;
    private final ApiUrl api;
    private final @Nullable String appWebhookSecret;
    private final Supplier<UUID> gateIds;
    private final Clock clock;

    /** @param appWebhookSecret the GitHub App's webhook secret; null when no App is configured (all refused) */
    public RequestGate(CatalogedServices catalog, Deliveries deliveries, ProtectionRequests requests,
            EventPublisher events, ApiUrl api, @Nullable String appWebhookSecret, Supplier<UUID> gateIds,
            Clock clock) {
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.requests = requests;
        this.events = events;
        this.api = api;
        this.appWebhookSecret = appWebhookSecret;
        this.gateIds = gateIds;
        this.clock = clock;
    }

    /**
     * @throws InvalidSignatureException 401
     * @throws IllegalArgumentException 400: a field missing, or a callback URL Passerelle does not answer on
     * @throws RuleViolationException 422: the repository or the environment is not in the catalog
     * @throws ReplayedDeliveryException 409: nothing happens a second time
     */
    public Outcome receive(ProtectionRuleDelivery rule, byte[] body, @Nullable String signature) {
        verify(body, signature);
        var delivery = rule.delivery();
        if (!"requested".equals(delivery.action())) {
            return new Outcome.Ignored(ProtectionRuleDelivery.EVENT + " action '" + delivery.action()
                    + "' is not 'requested'");
        }
        var repository = required(delivery.repository(), "repository.full_name");
        var environmentName = required(rule.environment(), "environment");
        if (environmentName.isBlank() || environmentName.length() > MAX_ENVIRONMENT) {
            throw new IllegalArgumentException("'environment' must be a GitHub environment name (1 to "
                    + MAX_ENVIRONMENT + " characters)");
        }
        var callbackUrl = required(rule.callbackUrl(), "deployment_callback_url");
        var sha = required(rule.commitSha(), "deployment.sha");
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("'deployment.sha' must be a commit SHA (7 to 40 lowercase hex digits)");
        }
        long installationId = required(rule.installationId(), "installation.id");
        var actor = required(rule.actor(), "deployment.creator.login or sender.login");
        long runId = api.runId(callbackUrl, repository);

        var service = catalog.byRepository(repository).orElseThrow(() -> RuleViolationException.unprocessable(
                "repository " + repository + " is not in Passerelle's catalog: register its service first"));
        var environment = service.environment(environmentName).orElseThrow(() -> RuleViolationException
                .unprocessable("environment '" + environmentName + "' is not an environment of service "
                        + service.name() + " (" + (service.environments().isEmpty()
                                ? "none known to integration-service: the service was catalogued before it kept"
                                        + " environments; register it again"
                                : "its environments: " + String.join(", ", service.environments())) + ")"));
        var now = clock.instant();
        if (!deliveries.record(delivery.deliveryId(), delivery.event(), service.name(), now)) {
            throw new ReplayedDeliveryException(delivery.deliveryId());
        }
        var request = new ProtectionRequest(gateIds.get(), delivery.deliveryId(), service.repository(),
                service.name(), environment, environmentName, sha, runId, callbackUrl, installationId, actor, now);
        requests.add(request);
        var event = request.gateRequested(runUrl(rule.repositoryUrl(), repository, runId));
        events.publish(event);
        return new Outcome.Requested(event);
    }

    private void verify(byte[] body, @Nullable String signature) {
        if (appWebhookSecret == null) {
            throw new InvalidSignatureException(ProtectionRuleDelivery.EVENT + " deliveries come from a GitHub App,"
                    + " and no GitHub App is configured (passerelle.github.app.*)");
        }
        if (signature == null) {
            throw new InvalidSignatureException("X-Hub-Signature-256 is missing");
        }
        if (!HmacSha256.verify(appWebhookSecret, body, signature)) {
            throw new InvalidSignatureException("X-Hub-Signature-256 is not the signature of this body under the"
                    + " GitHub App's webhook secret");
        }
    }

    /** The run's web page: the repository's page when the delivery names it (an http(s) URL), else the API's. */
    private String runUrl(@Nullable String repositoryUrl, String repository, long runId) {
        if (repositoryUrl != null) {
            try {
                var uri = new URI(repositoryUrl);
                if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null
                        && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                    return repositoryUrl + "/actions/runs/" + runId;
                }
            } catch (URISyntaxException e) {
                // fall back to the API's URL of the run
            }
        }
        return api.run(repository, runId);
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required in a " + ProtectionRuleDelivery.EVENT
                    + " delivery");
        }
        return value;
    }
}
