package io.passerelle.integrationservice.executor.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.crypto.HmacSha256;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SignedDeployRequestTest {

    final JsonMapper json = JsonMapper.builder().build();
    final UUID deploymentId = UUID.fromString("0b7e3d4c-1111-4222-8333-944455556666");
    /** The callback credential of that deployment under the test key (CallbackCredentialsTest pins it). */
    final String callbackToken = new CallbackCredentials("dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=")
            .issue(deploymentId);
    final DeployCall call = new DeployCall(deploymentId, UUID.fromString("9a0c2f3e-aaaa-4bbb-8ccc-dddddddddddd"),
            "payments", "prod", "1.4.2", "3484a3fb816e0859fd6e1cea078d76385ff50625",
            URI.create("https://passerelle.example/api/v1/executors/webhook/deployments/" + deploymentId + "/outcome"), callbackToken);

    SignedDeployRequest sign(DeployCall call, Instant at) {
        return SignedDeployRequest.of(call.deploymentId(),
                SignedDeployRequest.body(call, json).getBytes(StandardCharsets.UTF_8), "s3cret", at);
    }

    static byte[] timestamped(String timestamp, byte[] body) {
        var prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        var content = java.util.Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_the_timestamp_a_dot_and_the_exact_body_bytes() throws Exception {
        var request = sign(call, Instant.ofEpochSecond(1_790_000_000L));

        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("1790000000.".getBytes(StandardCharsets.UTF_8));
        var expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        var signature = request.headers().get("X-Passerelle-Signature-256");
        assertThat(signature).isEqualTo(expected);
        assertThat(HmacSha256.verify("s3cret", timestamped("1790000000", request.body()), signature)).isTrue();
        assertThat(HmacSha256.verify("other", timestamped("1790000000", request.body()), signature)).isFalse();
        assertThat(HmacSha256.verify("s3cret", request.body(), signature))
                .as("the body alone is not what is signed").isFalse();
    }

    @Test
    void another_timestamp_makes_another_signature_so_a_replayed_request_cannot_be_redated() {
        var now = sign(call, Instant.ofEpochSecond(1_790_000_000L));
        var later = sign(call, Instant.ofEpochSecond(1_790_000_301L));

        assertThat(later.body()).isEqualTo(now.body());
        assertThat(later.headers().get("X-Passerelle-Signature-256"))
                .isNotEqualTo(now.headers().get("X-Passerelle-Signature-256"));
        assertThat(HmacSha256.verify("s3cret", timestamped("1790000301", now.body()),
                now.headers().get("X-Passerelle-Signature-256"))).isFalse();
    }

    @Test
    void the_headers_name_the_delivery_its_idempotency_key_the_event_and_the_time() {
        var request = sign(call, Instant.ofEpochSecond(1_790_000_000L));

        assertThat(request.headers())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("X-Passerelle-Delivery", deploymentId.toString())
                .containsEntry("Idempotency-Key", deploymentId.toString())
                .containsEntry("X-Passerelle-Event", "deployment.requested")
                .containsEntry("X-Passerelle-Timestamp", "1790000000")
                .hasSize(6);
    }

    @Test
    void the_body_carries_the_deployment_the_callback_url_and_its_credential_in_the_documented_order() {
        var request = sign(call, Instant.EPOCH);

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("""
                {"deploymentId":"0b7e3d4c-1111-4222-8333-944455556666",\
                "changeId":"9a0c2f3e-aaaa-4bbb-8ccc-dddddddddddd","service":"payments","environment":"prod",\
                "version":"1.4.2","commitSha":"3484a3fb816e0859fd6e1cea078d76385ff50625",\
                "callbackUrl":"https://passerelle.example/api/v1/executors/webhook/deployments/\
                0b7e3d4c-1111-4222-8333-944455556666/outcome",\
                "callbackToken":"ivuw7dhRoAWvZE3nXIPnKcYpy4qht6xSLIZBXYjv0k4"}""");
    }

    /** The worked example of docs/services/integration-service.md: a target implementer can check against it. */
    @Test
    void the_documented_example_signs_as_documented() {
        var documented = new DeployCall(deploymentId, call.changeId(), "payments", "prod", "1.4.2",
                "3484a3fb816e0859fd6e1cea078d76385ff50625",
                URI.create("http://127.0.0.1:8080/api/v1/executors/webhook/deployments/" + deploymentId + "/outcome"),
                callbackToken);

        var request = sign(documented, Instant.ofEpochSecond(1_790_000_000L));

        assertThat(request.body()).hasSize(402);
        assertThat(request.headers()).containsEntry("X-Passerelle-Timestamp", "1790000000")
                .containsEntry("X-Passerelle-Signature-256",
                        "sha256=19b56feec302c6cb50802315f40a9ed681947b831d0798011585ab15c1f41adf");
    }
}
