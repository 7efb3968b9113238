package io.passerelle.integration.executor.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.passerelle.integration.executor.DeployCall;
import io.passerelle.platform.crypto.HmacSha256;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact bytes and headers sent to a deploy target. {@code X-Passerelle-Signature-256} is
 * {@code sha256=<lowercase hex HMAC-SHA256 of these body bytes, keyed with the service's webhook secret (UTF-8)>},
 * GitHub's format; the target recomputes it over the raw body it received and compares in constant time.
 */
record SignedDeployRequest(byte[] body, Map<String, String> headers) {

    static final String SIGNATURE = "X-Passerelle-Signature-256";
    static final String DELIVERY = "X-Passerelle-Delivery";
    static final String EVENT = "X-Passerelle-Event";
    static final String TIMESTAMP = "X-Passerelle-Timestamp";
    static final String EVENT_NAME = "deployment.requested";

    @JsonPropertyOrder({ "deploymentId", "changeId", "service", "environment", "version", "commitSha", "callbackUrl" })
    record Body(String deploymentId, String changeId, String service, String environment, String version,
            String commitSha, String callbackUrl) {
    }

    static SignedDeployRequest of(DeployCall call, String secret, Instant now, JsonMapper json) {
        byte[] body = json.writeValueAsBytes(new Body(call.deploymentId().toString(), call.changeId().toString(),
                call.service(), call.environment(), call.version(), call.commitSha(), call.callbackUrl().toString()));
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put(SIGNATURE, HmacSha256.sign(secret, body));
        headers.put(DELIVERY, call.deploymentId().toString());
        headers.put(EVENT, EVENT_NAME);
        headers.put(TIMESTAMP, Long.toString(now.getEpochSecond()));
        return new SignedDeployRequest(body, Map.copyOf(headers));
    }
}
