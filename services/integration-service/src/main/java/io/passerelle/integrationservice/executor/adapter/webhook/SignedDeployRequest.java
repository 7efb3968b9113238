package io.passerelle.integrationservice.executor.adapter.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.platform.crypto.HmacSha256;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact bytes and headers sent to a deploy target at one attempt. {@code X-Passerelle-Signature-256} is
 * {@code sha256=<lowercase hex HMAC-SHA256, keyed with the service's webhook secret (UTF-8), over the UTF-8 bytes
 * of "<X-Passerelle-Timestamp>." followed by the exact body bytes>}: the target recomputes it over the timestamp
 * header and the raw body it received, compares in constant time, and refuses stale timestamps.
 */
record SignedDeployRequest(byte[] body, Map<String, String> headers) {

    static final String SIGNATURE = "X-Passerelle-Signature-256";
    static final String DELIVERY = "X-Passerelle-Delivery";
    static final String EVENT = "X-Passerelle-Event";
    static final String TIMESTAMP = "X-Passerelle-Timestamp";
    /** The deployment id, on every attempt: a target deduplicates on it (the IETF Idempotency-Key header draft). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
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
        var timestamp = Long.toString(now.getEpochSecond());
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put(SIGNATURE, HmacSha256.sign(secret, signedContent(timestamp, body)));
        headers.put(DELIVERY, deliveryId.toString());
        headers.put(IDEMPOTENCY_KEY, deliveryId.toString());
        headers.put(EVENT, EVENT_NAME);
        headers.put(TIMESTAMP, timestamp);
        return new SignedDeployRequest(body, Map.copyOf(headers));
    }

    /** What the signature covers: {@code "<timestamp>."} then the body bytes, so a timestamp cannot be replaced. */
    static byte[] signedContent(String timestamp, byte[] body) {
        var prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        var content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }
}
