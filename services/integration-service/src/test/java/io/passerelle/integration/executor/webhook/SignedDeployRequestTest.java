package io.passerelle.integration.executor.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.passerelle.integration.executor.DeployCall;
import io.passerelle.platform.crypto.HmacSha256;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SignedDeployRequestTest {

    final JsonMapper json = JsonMapper.builder().build();
    final UUID deploymentId = UUID.fromString("0b7e3d4c-1111-4222-8333-944455556666");
    final DeployCall call = new DeployCall(deploymentId, UUID.fromString("9a0c2f3e-aaaa-4bbb-8ccc-dddddddddddd"),
            "payments", "prod", "1.4.2", "3484a3fb816e0859fd6e1cea078d76385ff50625",
            URI.create("https://passerelle.example/api/v1/deployments/" + deploymentId + "/status"));

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_the_exact_body_bytes_under_the_webhook_secret() throws Exception {
        var request = SignedDeployRequest.of(call, "s3cret", Instant.ofEpochSecond(1_790_000_000L), json);

        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        assertThat(request.headers()).containsEntry("X-Passerelle-Signature-256", expected);
        assertThat(HmacSha256.verify("s3cret", request.body(), request.headers().get("X-Passerelle-Signature-256")))
                .isTrue();
        assertThat(HmacSha256.verify("other", request.body(), request.headers().get("X-Passerelle-Signature-256")))
                .isFalse();
    }

    @Test
    void the_headers_name_the_delivery_the_event_and_the_time() {
        var request = SignedDeployRequest.of(call, "s3cret", Instant.ofEpochSecond(1_790_000_000L), json);

        assertThat(request.headers())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("X-Passerelle-Delivery", deploymentId.toString())
                .containsEntry("X-Passerelle-Event", "deployment.requested")
                .containsEntry("X-Passerelle-Timestamp", "1790000000")
                .hasSize(5);
    }

    @Test
    void the_body_carries_the_deployment_and_the_callback_url_in_the_documented_order() {
        var request = SignedDeployRequest.of(call, "s3cret", Instant.EPOCH, json);

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("""
                {"deploymentId":"0b7e3d4c-1111-4222-8333-944455556666",\
                "changeId":"9a0c2f3e-aaaa-4bbb-8ccc-dddddddddddd","service":"payments","environment":"prod",\
                "version":"1.4.2","commitSha":"3484a3fb816e0859fd6e1cea078d76385ff50625",\
                "callbackUrl":"https://passerelle.example/api/v1/deployments/0b7e3d4c-1111-4222-8333-944455556666/status"}""");
    }

    /** The worked example of docs/services/integration-service.md: a target implementer can check against it. */
    @Test
    void the_documented_example_signs_as_documented() {
        var documented = new DeployCall(deploymentId, call.changeId(), "payments", "prod", "1.4.2",
                "3484a3fb816e0859fd6e1cea078d76385ff50625",
                URI.create("http://127.0.0.1:8080/api/v1/deployments/" + deploymentId + "/status"));

        var request = SignedDeployRequest.of(documented, "s3cret", Instant.EPOCH, json);

        assertThat(request.body()).hasSize(321);
        assertThat(request.headers()).containsEntry("X-Passerelle-Signature-256",
                "sha256=ab72910610f74449a70c11b9bd29c93218a9020788b08f4f1f0af144fc16d8f0");
    }

    @Test
    void one_circuit_breaker_per_host_and_port() {
        assertThat(WebhookDeployTarget.authority(URI.create("https://deploy.example/hooks"))).isEqualTo("deploy.example:443");
        assertThat(WebhookDeployTarget.authority(URI.create("http://deploy.example/hooks"))).isEqualTo("deploy.example:80");
        assertThat(WebhookDeployTarget.authority(URI.create("http://127.0.0.1:9000/x"))).isEqualTo("127.0.0.1:9000");
    }
}
