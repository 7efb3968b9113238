package io.passerelle.integrationservice.executor.adapter.web;

import java.util.UUID;

import io.passerelle.integrationservice.api.ExecutorsApi;
import io.passerelle.integrationservice.api.model.DeploymentOutcomeReceipt;
import io.passerelle.integrationservice.api.model.DeploymentOutcomeReport;
import io.passerelle.integrationservice.executor.CallbackSignature;
import io.passerelle.integrationservice.executor.DeploymentOutcome;
import io.passerelle.integrationservice.executor.ReceiveDeploymentOutcome;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.JsonErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Implemented by hand, not through {@link ExecutorsApi}: the signature covers the exact body bytes, so the body is
 * taken raw, verified, and only then parsed (with the service's strict JSON rules, unknown fields refused).
 */
@RestController
class DeploymentCallbackController {

    private final ReceiveDeploymentOutcome receive;
    private final JsonMapper json;

    DeploymentCallbackController(ReceiveDeploymentOutcome receive, JsonMapper json) {
        this.receive = receive;
        this.json = json;
    }

    @PostMapping(path = ExecutorsApi.PATH_RECEIVE_DEPLOYMENT_OUTCOME, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('" + Roles.PIPELINE + "')")
    @Transactional
    public ResponseEntity<DeploymentOutcomeReceipt> receiveDeploymentOutcome(@PathVariable UUID deploymentId,
            @RequestHeader(name = CallbackSignature.TIMESTAMP, required = false) @Nullable String timestamp,
            @RequestHeader(name = CallbackSignature.SIGNATURE, required = false) @Nullable String signature,
            @RequestBody byte[] body) {
        receive.authenticate(deploymentId, timestamp, signature, body);
        var report = parse(body);
        var outcome = DeploymentOutcome.valueOf(report.getState().getValue());
        var result = receive.receive(deploymentId,
                new ReceiveDeploymentOutcome.Report(report.getDeliveryId(), outcome, report.getReason()));
        return ResponseEntity.ok(new DeploymentOutcomeReceipt(deploymentId,
                DeploymentOutcomeReceipt.StateEnum.fromValue(outcome.name()),
                result == ReceiveDeploymentOutcome.Result.RECORDED ? DeploymentOutcomeReceipt.ResultEnum.RECORDED
                        : DeploymentOutcomeReceipt.ResultEnum.ALREADY_RECORDED));
    }

    private DeploymentOutcomeReport parse(byte[] body) {
        DeploymentOutcomeReport report;
        try {
            report = json.readValue(body, DeploymentOutcomeReport.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(JsonErrors.describe(e));
        }
        if (report == null || report.getDeliveryId() == null || report.getState() == null) {
            throw new IllegalArgumentException("the body must be {\"deliveryId\": <uuid>, \"state\": \"SUCCEEDED\""
                    + " | \"FAILED\", \"reason\"?: <text>}");
        }
        if (report.getReason() != null && report.getReason().length() > 2000) {
            throw new IllegalArgumentException("'reason' must be at most 2000 characters");
        }
        return report;
    }
}
