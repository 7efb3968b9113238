package io.passerelle.integrationservice.cdeventsin.adapter.web;

import io.passerelle.integrationservice.api.CdeventsApi;
import io.passerelle.integrationservice.api.model.WebhookOutcome;
import io.passerelle.integrationservice.api.model.WebhookOutcome.OutcomeEnum;
import io.passerelle.integrationservice.cdeventsin.ReceiveCdEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Implemented by hand, not through {@link CdeventsApi}: two content modes, and the sender authenticated before
 * the body is read. Authenticates by a registered sender's bearer token, not a JWT
 * ({@code passerelle.security.public-paths} and {@code own-token-paths}), hence {@code permitAll()}.
 */
@RestController
class CdEventWebhookController {

    static final String PATH = CdeventsApi.PATH_RECEIVE_CD_EVENT;
    private static final String BEARER = "bearer ";

    private final ReceiveCdEvent receive;
    private final CloudEventReader reader;

    CdEventWebhookController(ReceiveCdEvent receive, JsonMapper json) {
        this.receive = receive;
        this.reader = new CloudEventReader(json, new CdEventSchemas(json));
    }

    @PostMapping(path = PATH)
    @PreAuthorize("permitAll()")
    @Transactional
    public ResponseEntity<WebhookOutcome> receiveCdEvent(@RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte @Nullable [] body) {
        var sender = receive.authenticate(token(headers.getFirst(HttpHeaders.AUTHORIZATION)));
        var event = reader.read(headers, body == null ? new byte[0] : body);
        return switch (receive.receive(sender, event)) {
            case ReceiveCdEvent.Outcome.Accepted accepted -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new WebhookOutcome(OutcomeEnum.ACCEPTED).reason(accepted.what()));
            case ReceiveCdEvent.Outcome.Ignored ignored -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new WebhookOutcome(OutcomeEnum.IGNORED).reason(ignored.reason()));
            case ReceiveCdEvent.Outcome.Duplicate duplicate -> ResponseEntity.ok(new WebhookOutcome(
                    OutcomeEnum.DUPLICATE).reason("CloudEvent " + event.source() + " " + event.id()
                            + " was received before; nothing published again"));
        };
    }

    private static @Nullable String token(@Nullable String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
