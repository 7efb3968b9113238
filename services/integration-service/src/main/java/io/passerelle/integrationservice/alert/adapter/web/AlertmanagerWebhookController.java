package io.passerelle.integrationservice.alert.adapter.web;

import io.passerelle.integrationservice.alert.ReceiveAlerts;
import io.passerelle.integrationservice.alert.Source;
import io.passerelle.integrationservice.api.AlertmanagerApi;
import io.passerelle.integrationservice.api.model.AlertsReceipt;
import io.passerelle.platform.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Implemented by hand, not through {@link AlertmanagerApi}: the body is read with a tolerant reader (the service's
 * mapper refuses unknown fields, and Alertmanager may add some).
 */
@RestController
class AlertmanagerWebhookController {

    private final ReceiveAlerts receive;
    private final Payloads payloads;

    AlertmanagerWebhookController(ReceiveAlerts receive, JsonMapper json) {
        this.receive = receive;
        this.payloads = new Payloads(json);
    }

    @PostMapping(path = AlertmanagerApi.PATH_RECEIVE_ALERTMANAGER_NOTIFICATION,
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('" + Roles.MONITORING + "')")
    @Transactional
    public ResponseEntity<AlertsReceipt> receiveAlertmanagerNotification(@RequestBody byte[] body) {
        var payload = payloads.read(body, AlertmanagerPayload.class, "an Alertmanager notification");
        var receipt = receive.receive(Source.ALERTMANAGER, payload.version(), payload.toDomain());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Receipts.view(receipt));
    }
}
