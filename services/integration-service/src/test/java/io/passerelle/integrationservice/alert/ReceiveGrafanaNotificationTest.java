package io.passerelle.integrationservice.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.passerelle.integrationservice.alert.port.AlertSources;
import io.passerelle.integrationservice.alert.port.ReceivedNotifications;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class ReceiveGrafanaNotificationTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String SECRET = "grafana-contact-point-secret";
    static final byte[] BODY = "{\"version\":\"1\"}".getBytes(StandardCharsets.UTF_8);

    final SecretSealer sealer = new SecretSealer(Base64.getEncoder().encodeToString(new byte[32]));
    final MutableClock clock = new MutableClock();
    final Sources sources = new Sources();
    final Received received = new Received();
    final List<Object> published = new ArrayList<>();
    final ReceiveGrafanaNotification grafana = new ReceiveGrafanaNotification(sources, received,
            new ReceiveAlerts(new Attribution(Map.of(Source.ALERTMANAGER, LabelRules.defaults(), Source.GRAFANA,
                    LabelRules.defaults(), Source.CDEVENTS, LabelRules.defaults()), new Catalog().with("payments",
                    "prod")), published::add),
            sealer, clock, Duration.ofMinutes(5));
    final ConfigureAlertSource configure = new ConfigureAlertSource(sources, sealer, clock);

    static List<Alert> firing(String fingerprint) {
        return List.of(new Alert("firing", Map.of("service", "payments", "environment", "prod"), Map.of(), NOW, null,
                null, fingerprint));
    }

    Map<String, String> signed(Instant at) throws Exception {
        var timestamp = Long.toString(at.getEpochSecond());
        return Map.of("X-Grafana-Alerting-Signature", GrafanaSignatureTest.hmac(SECRET, timestamp + ":"
                + new String(BODY, StandardCharsets.UTF_8)), "X-Grafana-Alerting-Timestamp", timestamp);
    }

    ReceiveGrafanaNotification.Sender authenticate(Map<String, String> headers) {
        return grafana.authenticate(headers::get, BODY);
    }

    @Test
    void the_configured_secret_is_kept_sealed_and_verifies_the_signature() throws Exception {
        var settings = configure.signing("grafana", SECRET, null, "X-Grafana-Alerting-Timestamp", "oscar");

        assertThat(settings.secretSealed()).doesNotContain(SECRET);
        assertThat(sealer.unseal(sources.saved.get(Source.GRAFANA).secretSealed())).isEqualTo(SECRET);
        assertThat(settings.signatureHeader()).isEqualTo("X-Grafana-Alerting-Signature");
        var receipt = grafana.receive(authenticate(signed(NOW)), BODY, "1", firing("fp1"));
        assertThat(receipt).isEqualTo(new Receipt(1, 0, 0, false));
    }

    @Test
    void without_a_configured_secret_only_a_token_gets_in() {
        assertThatThrownBy(() -> authenticate(Map.of("X-Grafana-Alerting-Signature", "00")))
                .isInstanceOf(UnauthenticatedNotificationException.class)
                .hasMessageContaining("no HMAC secret is configured");
        assertThat(grafana.receive(ReceiveGrafanaNotification.Sender.withToken(), BODY, "1", firing("fp1")))
                .isEqualTo(new Receipt(1, 0, 0, false));
    }

    @Test
    void the_same_signature_again_is_a_replay_and_the_same_body_signed_anew_a_duplicate() throws Exception {
        configure.signing("grafana", SECRET, null, "X-Grafana-Alerting-Timestamp", "oscar");
        var first = signed(NOW);
        grafana.receive(authenticate(first), BODY, "1", firing("fp1"));

        clock.now = NOW.plusSeconds(20);
        assertThatThrownBy(() -> grafana.receive(authenticate(first), BODY, "1", firing("fp1")))
                .isInstanceOf(ReplayedNotificationException.class);
        assertThat(grafana.receive(authenticate(signed(clock.now)), BODY, "1", firing("fp1")))
                .isEqualTo(new Receipt(0, 0, 0, true));
        assertThat(grafana.receive(ReceiveGrafanaNotification.Sender.withToken(), BODY, "1", firing("fp1")))
                .as("sent with a token").isEqualTo(new Receipt(0, 0, 0, true));
        assertThat(published).hasSize(1);
    }

    @Test
    void after_the_window_the_same_body_is_a_new_notification() throws Exception {
        configure.signing("grafana", SECRET, null, "X-Grafana-Alerting-Timestamp", "oscar");
        grafana.receive(authenticate(signed(NOW)), BODY, "1", firing("fp1"));

        clock.now = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertThat(grafana.receive(authenticate(signed(clock.now)), BODY, "1", firing("fp1")).accepted()).isOne();
        assertThat(published).hasSize(2);
    }

    @Test
    void a_notification_that_published_nothing_is_not_remembered() {
        var unreadable = List.of(new Alert("firing", Map.of(), Map.of(), null, null, null, "fp1"));
        var token = ReceiveGrafanaNotification.Sender.withToken();

        assertThat(grafana.receive(token, BODY, "1", unreadable)).isEqualTo(new Receipt(0, 0, 1, false));
        assertThat(received.rows).isEmpty();
        assertThat(grafana.receive(token, BODY, "1", unreadable).duplicate()).isFalse();
    }

    @Test
    void a_copy_received_at_the_same_moment_in_another_transaction_has_no_effect() {
        received.concurrent = true;
        assertThatThrownBy(() -> grafana.receive(ReceiveGrafanaNotification.Sender.withToken(), BODY, "1",
                firing("fp1"))).isInstanceOf(ReplayedNotificationException.class);
    }

    @Test
    void only_grafana_signs_and_only_known_sources_are_configured() {
        assertThatThrownBy(() -> configure.signing("alertmanager", SECRET, null, null, "oscar"))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> configure.signing("zabbix", SECRET, null, null, "oscar"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> configure.signing("grafana", "short", null, null, "oscar"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 to 256");
        assertThat(sources.saved).isEmpty();
    }

    static final class MutableClock extends Clock {

        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class Sources implements AlertSources {

        final Map<Source, SigningSettings> saved = new HashMap<>();

        @Override
        public Optional<SigningSettings> signing(Source source) {
            return Optional.ofNullable(saved.get(source));
        }

        @Override
        public void save(SigningSettings settings) {
            saved.put(settings.source(), settings);
        }
    }

    static final class Received implements ReceivedNotifications {

        final Map<String, ReceivedNotifications.Received> rows = new HashMap<>();
        boolean concurrent;

        @Override
        public Optional<ReceivedNotifications.Received> since(Source source, String bodySha256, Instant since) {
            return Optional.ofNullable(rows.get(bodySha256)).filter(r -> !r.at().isBefore(since));
        }

        @Override
        public boolean record(Source source, String bodySha256, String signature, Instant at, Instant since) {
            rows.values().removeIf(r -> r.at().isBefore(since));
            if (concurrent || rows.containsKey(bodySha256)) {
                return false;
            }
            rows.put(bodySha256, new ReceivedNotifications.Received(at, signature));
            return true;
        }
    }
}
