package io.passerelle.integrationservice.alert.adapter.web;

import io.passerelle.integrationservice.alert.ReceiveAlerts;
import io.passerelle.integrationservice.api.AlertmanagerApi;
import io.passerelle.integrationservice.api.model.AlertsReceipt;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.JsonErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Implemented by hand, not through {@link AlertmanagerApi}: the body is read with a tolerant reader (the service's
 * mapper refuses unknown fields, and Alertmanager may add some).
 */
@RestController
class AlertmanagerWebhookController {

    private final ReceiveAlerts receive;
    private final JsonMapper tolerant;

    AlertmanagerWebhookController(ReceiveAlerts receive, JsonMapper json) {
        this.receive = receive;
        this.tolerant = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @PostMapping(path = AlertmanagerApi.PATH_RECEIVE_ALERTMANAGER_NOTIFICATION,
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('" + Roles.MONITORING + "')")
    @Transactional
    public ResponseEntity<AlertsReceipt> receiveAlertmanagerNotification(@RequestBody byte[] body) {
        var payload = parse(body);
        var receipt = receive.receive(payload.version(), payload.toDomain());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new AlertsReceipt(receipt.accepted(), receipt.skipped()));
    }

    private AlertmanagerPayload parse(byte[] body) {
        AlertmanagerPayload payload;
        try {
            payload = tolerant.readValue(body, AlertmanagerPayload.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(JsonErrors.describe(e));
        }
        if (payload == null) {
            throw new IllegalArgumentException("the body is not an Alertmanager notification in JSON");
        }
        return payload;
    }
}
