package io.passerelle.integrationservice.executor.adapter.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.platform.crypto.SignedDelivery;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact bytes and headers sent to a deploy target at one attempt. {@code X-Passerelle-Signature-256} is
 * {@code sha256=<lowercase hex HMAC-SHA256, keyed with the service's webhook secret (UTF-8), over the UTF-8 bytes
 * of "<X-Passerelle-Timestamp>." followed by the exact body bytes>}: the target recomputes it over the timestamp
 * header and the raw body it received, compares in constant time, and refuses stale timestamps (the platform's
 * {@link SignedDelivery}).
 */
record SignedDeployRequest(byte[] body, Map<String, String> headers) {

    static final String SIGNATURE = "X-Passerelle-Signature-256";
    static final String DELIVERY = SignedDelivery.DELIVERY;
    static final String EVENT = SignedDelivery.EVENT;
    static final String TIMESTAMP = SignedDelivery.TIMESTAMP;
    /** The deployment id, on every attempt: a target deduplicates on it. */
    static final String IDEMPOTENCY_KEY = SignedDelivery.IDEMPOTENCY_KEY;
    static final String EVENT_NAME = "deployment.requested";

    @JsonPropertyOrder({ "deploymentId", "changeId", "service", "environment", "version", "commitSha", "callbackUrl",
            "callbackToken" })
    record Body(String deploymentId, String changeId, String service, String environment, String version,
            String commitSha, String callbackUrl, String callbackToken) {
    }

    /** The body: one JSON object, no whitespace, the eight fields in this order. */
    static String body(DeployCall call, JsonMapper json) {
        return json.writeValueAsString(new Body(call.deploymentId().toString(), call.changeId().toString(),
                call.service(), call.environment(), call.version(), call.commitSha(), call.callbackUrl().toString(),
                call.callbackToken()));
    }

    static SignedDeployRequest of(UUID deliveryId, byte[] body, String secret, Instant now) {
        var signed = SignedDelivery.of(SIGNATURE, EVENT_NAME, deliveryId, body, secret, now);
        return new SignedDeployRequest(signed.body(), signed.headers());
    }
}
