package io.passerelle.integrationservice.alert.adapter.web;

import java.util.Map;
import java.util.regex.Pattern;

import io.passerelle.integrationservice.alert.ReceiveGrafanaNotification;
import io.passerelle.integrationservice.alert.ReceiveGrafanaNotification.Sender;
import io.passerelle.integrationservice.api.GrafanaApi;
import io.passerelle.integrationservice.api.model.AlertsReceipt;
import io.passerelle.platform.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Implemented by hand, not through {@link GrafanaApi}: the signature covers the exact body, so the body is taken raw,
 * authenticated, and only then read (tolerantly: Grafana adds fields). Admits a bearer token with role monitoring, or
 * no token at all ({@code passerelle.security.public-paths}), when the signature must then prove the sender. Any
 * {@code Content-Type} reaches this method, so that one that is not JSON is told apart from a body that is not.
 */
@RestController
class GrafanaWebhookController {

    /** The signature headers the contract declares (Grafana's default names), with their form. */
    private static final Map<String, Pattern> DECLARED_HEADERS = Map.of(
            "X-Grafana-Alerting-Signature", Pattern.compile("[0-9a-f]{64}"),
            "X-Grafana-Alerting-Timestamp", Pattern.compile("[0-9]{1,12}"));

    private final ReceiveGrafanaNotification receive;
    private final Payloads payloads;

    GrafanaWebhookController(ReceiveGrafanaNotification receive, JsonMapper json) {
        this.receive = receive;
        this.payloads = new Payloads(json);
    }

    @PostMapping(path = GrafanaApi.PATH_RECEIVE_GRAFANA_NOTIFICATION)
    @PreAuthorize("hasRole('" + Roles.MONITORING + "') or isAnonymous()")
    @Transactional
    public ResponseEntity<AlertsReceipt> receiveGrafanaNotification(@RequestHeader HttpHeaders headers,
            @RequestBody byte[] body) {
        json(headers.getFirst(HttpHeaders.CONTENT_TYPE));
        var sender = SecurityContextHolder.getContext().getAuthentication() instanceof AnonymousAuthenticationToken
                ? receive.authenticate(headers::getFirst, body) : withToken(headers);
        var payload = payloads.read(body, GrafanaPayload.class, "a Grafana Alerting notification");
        var receipt = receive.receive(sender, body, payload.version(), payload.toDomain());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Receipts.view(receipt));
    }

    /**
     * A caller with a token does not need Grafana's signature headers; sent all the same, they must still have the form
     * the contract gives them (without a token, a malformed one fails the signature: 401).
     *
     * @throws IllegalArgumentException a declared header is malformed (400, nothing written)
     */
    private static Sender withToken(HttpHeaders headers) {
        DECLARED_HEADERS.forEach((name, form) -> {
            var value = headers.getFirst(name);
            if (value != null && !form.matcher(value).matches()) {
                throw new IllegalArgumentException(name + " must match " + form.pattern() + " when it is sent");
            }
        });
        return Sender.withToken();
    }

    /** @throws NotJsonException unless the request says its body is JSON */
    private static void json(@Nullable String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || "json".equals(type.getSubtypeSuffix()))) {
            throw new NotJsonException("Content-Type " + (contentType == null ? "(none)" : "'" + contentType + "'")
                    + " is not JSON: Passerelle reads Grafana's own webhook payload (application/json); remove the"
                    + " contact point's custom payload and Content-Type header");
        }
    }
}
