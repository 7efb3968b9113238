package io.passerelle.integrationservice.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * Grafana's signature as grafana/alerting's {@code http/hmac.go} makes it, computed here independently of the code
 * under test (javax.crypto, hex): of the body alone, or of {@code <timestamp>:<body>}.
 */
class GrafanaSignatureTest {

    static final String SECRET = "grafana-contact-point-secret";
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final byte[] BODY = "{\"version\":\"1\",\"alerts\":[]}".getBytes(StandardCharsets.UTF_8);

    static final SigningSettings BODY_ONLY = settings(null);
    static final SigningSettings TIMESTAMPED = settings("X-Grafana-Alerting-Timestamp");

    static SigningSettings settings(String timestampHeader) {
        return new SigningSettings(Source.GRAFANA, "sealed", "X-Grafana-Alerting-Signature", timestampHeader, NOW,
                "oscar");
    }

    static String hmac(String secret, String content) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    static String body() {
        return new String(BODY, StandardCharsets.UTF_8);
    }

    static String verify(SigningSettings settings, Map<String, String> headers) {
        return GrafanaSignature.verify(settings, SECRET, headers::get, BODY, NOW, WINDOW);
    }

    @Test
    void a_signature_of_the_body_alone_verifies_and_leaves_nothing_to_tell_a_replay_by() throws Exception {
        assertThat(verify(BODY_ONLY, Map.of("X-Grafana-Alerting-Signature", hmac(SECRET, body())))).isNull();
    }

    @Test
    void a_signature_of_the_timestamp_and_the_body_verifies_and_names_this_sending() throws Exception {
        var timestamp = Long.toString(NOW.minusSeconds(30).getEpochSecond());
        var signature = hmac(SECRET, timestamp + ":" + body());

        assertThat(verify(TIMESTAMPED, Map.of("X-Grafana-Alerting-Signature", signature,
                "X-Grafana-Alerting-Timestamp", timestamp))).isEqualTo(timestamp + ":" + signature);
    }

    @Test
    void another_secret_another_body_or_the_timestamp_left_out_of_the_signature_is_refused() throws Exception {
        var timestamp = Long.toString(NOW.getEpochSecond());
        assertThatThrownBy(() -> verify(BODY_ONLY, Map.of("X-Grafana-Alerting-Signature",
                hmac("another-secret-of-grafana", body()))))
                .isInstanceOf(UnauthenticatedNotificationException.class).hasMessageContaining("nothing was written");
        assertThatThrownBy(() -> verify(BODY_ONLY, Map.of("X-Grafana-Alerting-Signature", hmac(SECRET, body() + " "))))
                .isInstanceOf(UnauthenticatedNotificationException.class);
        assertThatThrownBy(() -> verify(TIMESTAMPED, Map.of("X-Grafana-Alerting-Signature", hmac(SECRET, body()),
                "X-Grafana-Alerting-Timestamp", timestamp)))
                .isInstanceOf(UnauthenticatedNotificationException.class).hasMessageContaining("this timestamp");
        assertThatThrownBy(() -> verify(BODY_ONLY, Map.of("X-Grafana-Alerting-Signature",
                "sha256=" + hmac(SECRET, body())))).as("GitHub's format is not Grafana's")
                .isInstanceOf(UnauthenticatedNotificationException.class);
    }

    @Test
    void an_unsigned_notification_or_one_without_its_timestamp_is_refused() throws Exception {
        assertThatThrownBy(() -> verify(BODY_ONLY, Map.of()))
                .isInstanceOf(UnauthenticatedNotificationException.class)
                .hasMessageContaining("X-Grafana-Alerting-Signature is missing");
        assertThatThrownBy(() -> verify(TIMESTAMPED, Map.of("X-Grafana-Alerting-Signature", hmac(SECRET, body()))))
                .isInstanceOf(UnauthenticatedNotificationException.class)
                .hasMessageContaining("X-Grafana-Alerting-Timestamp");
        assertThatThrownBy(() -> verify(TIMESTAMPED, Map.of("X-Grafana-Alerting-Signature",
                hmac(SECRET, "soon:" + body()), "X-Grafana-Alerting-Timestamp", "soon")))
                .isInstanceOf(UnauthenticatedNotificationException.class).hasMessageContaining("Unix time");
    }

    @Test
    void a_timestamp_outside_the_window_either_way_is_refused_even_when_signed_right() throws Exception {
        for (var at : new Instant[] { NOW.minus(WINDOW).minusSeconds(1), NOW.plus(WINDOW).plusSeconds(1) }) {
            var timestamp = Long.toString(at.getEpochSecond());
            var headers = Map.of("X-Grafana-Alerting-Signature", hmac(SECRET, timestamp + ":" + body()),
                    "X-Grafana-Alerting-Timestamp", timestamp);
            assertThatThrownBy(() -> verify(TIMESTAMPED, headers))
                    .isInstanceOf(UnauthenticatedNotificationException.class).hasMessageContaining("301 s away");
        }
        var edge = Long.toString(NOW.minus(WINDOW).getEpochSecond());
        assertThat(verify(TIMESTAMPED, Map.of("X-Grafana-Alerting-Signature", hmac(SECRET, edge + ":" + body()),
                "X-Grafana-Alerting-Timestamp", edge))).isNotNull();
    }

    @Test
    void header_names_are_http_header_names_and_two_of_them() {
        assertThatThrownBy(() -> settings("X-Grafana-Alerting-Signature"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not be the signature header");
        assertThatThrownBy(() -> new SigningSettings(Source.GRAFANA, "sealed", "X Signature", null, NOW, "oscar"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signatureHeader");
    }
}
