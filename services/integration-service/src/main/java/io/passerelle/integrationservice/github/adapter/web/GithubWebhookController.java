package io.passerelle.integrationservice.github.adapter.web;

import io.passerelle.integrationservice.api.GithubApi;
import io.passerelle.integrationservice.api.model.WebhookOutcome;
import io.passerelle.integrationservice.api.model.WebhookOutcome.OutcomeEnum;
import io.passerelle.integrationservice.github.ProtectionRuleDelivery;
import io.passerelle.integrationservice.github.ReceiveGithubDelivery;
import io.passerelle.integrationservice.github.RequestGate;
import io.passerelle.platform.web.JsonErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Implemented by hand, not through {@link GithubApi}: the signature covers the exact bytes, so the body is taken raw
 * and parsed here. Authenticates by signature ({@code passerelle.security.public-paths}), hence {@code permitAll()}:
 * a repository's webhook secret for its deliveries, the GitHub App's for {@code deployment_protection_rule}.
 */
@RestController
class GithubWebhookController {

    private final ReceiveGithubDelivery receive;
    private final RequestGate gates;
    private final JsonMapper tolerant;

    GithubWebhookController(ReceiveGithubDelivery receive, RequestGate gates, JsonMapper json) {
        this.receive = receive;
        this.gates = gates;
        this.tolerant = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @PostMapping(path = GithubApi.PATH_RECEIVE_GITHUB_DELIVERY, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("permitAll()")
    @Transactional
    public ResponseEntity<WebhookOutcome> receiveGithubDelivery(@RequestHeader("X-GitHub-Event") String event,
            @RequestHeader("X-GitHub-Delivery") String deliveryId,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String signature,
            @RequestBody byte[] body) {
        if (event.equals(ProtectionRuleDelivery.EVENT)) {
            return switch (gates.receive(parse(body, ProtectionRulePayload.class).toDomain(event, deliveryId), body,
                    signature)) {
                case RequestGate.Outcome.Requested requested -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new WebhookOutcome(OutcomeEnum.ACCEPTED).gateId(requested.event().gateId()));
                case RequestGate.Outcome.Ignored ignored -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new WebhookOutcome(OutcomeEnum.IGNORED).reason(ignored.reason()));
            };
        }
        var delivery = parse(body, GithubPayload.class).toDomain(event, deliveryId);
        return switch (receive.receive(delivery, body, signature)) {
            case ReceiveGithubDelivery.Outcome.Accepted accepted ->
                ResponseEntity.status(HttpStatus.ACCEPTED).body(new WebhookOutcome(OutcomeEnum.ACCEPTED));
            case ReceiveGithubDelivery.Outcome.Ignored ignored -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new WebhookOutcome(OutcomeEnum.IGNORED).reason(ignored.reason()));
            case ReceiveGithubDelivery.Outcome.Reported reported -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new WebhookOutcome(OutcomeEnum.ACCEPTED).reason(reported.what()));
            case ReceiveGithubDelivery.Outcome.Pong pong -> ResponseEntity.ok(new WebhookOutcome(OutcomeEnum.PONG));
        };
    }

    private <T> T parse(byte[] body, Class<T> type) {
        T payload;
        try {
            payload = tolerant.readValue(body, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(JsonErrors.describe(e));
        }
        if (payload == null) {
            throw new IllegalArgumentException("the body is not a GitHub webhook payload in JSON");
        }
        return payload;
    }
}
