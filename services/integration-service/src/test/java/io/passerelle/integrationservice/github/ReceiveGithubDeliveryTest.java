package io.passerelle.integrationservice.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.crypto.SecretSealer;
import org.junit.jupiter.api.Test;

class ReceiveGithubDeliveryTest {

    static final String KEY = "dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=";
    final SecretSealer sealer = new SecretSealer(KEY);
    final CatalogedService service = new CatalogedService("payments", "octo-org/payments", "main",
            sealer.seal("s3cret"), Instant.EPOCH, java.util.List.of("prod"));
    final Set<String> recorded = new HashSet<>();
    final List<PipelineSucceeded> published = new ArrayList<>();
    final ReceiveGithubDelivery receive = new ReceiveGithubDelivery(new OneService(), this::record,
            e -> published.add((PipelineSucceeded) e),
            sealer, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
            new io.passerelle.integrationservice.executor.ReceiveDeploymentStatus(body -> {
                throw new AssertionError("no deployment_status in these tests");
            }, null));

    final byte[] body = "{\"action\":\"completed\"}".getBytes(StandardCharsets.UTF_8);
    final GithubDelivery delivery = new GithubDelivery("workflow_run", "d-1", "Octo-Org/Payments", "completed",
            PipelineRulesTest.run("main", "success"));

    @Test
    void a_signed_delivery_from_a_catalogued_repository_is_recorded_and_published() {
        var outcome = receive.receive(delivery, body, HmacSha256.sign("s3cret", body));

        assertThat(outcome).isInstanceOf(ReceiveGithubDelivery.Outcome.Accepted.class);
        assertThat(recorded).containsExactly("d-1");
        assertThat(published).singleElement().extracting(PipelineSucceeded::service).isEqualTo("payments");
    }

    @Test
    void a_signature_under_another_secret_or_over_other_bytes_is_refused_and_nothing_is_recorded() {
        assertThatThrownBy(() -> receive.receive(delivery, body, HmacSha256.sign("other", body)))
                .isInstanceOf(InvalidSignatureException.class);
        var tampered = "{\"action\":\"completed\" }".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> receive.receive(delivery, tampered, HmacSha256.sign("s3cret", body)))
                .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> receive.receive(delivery, body, null))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("missing");
        assertThat(recorded).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void a_replayed_delivery_is_refused_without_a_second_event() {
        receive.receive(delivery, body, HmacSha256.sign("s3cret", body));

        assertThatThrownBy(() -> receive.receive(delivery, body, HmacSha256.sign("s3cret", body)))
                .isInstanceOf(ReplayedDeliveryException.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void a_repository_outside_the_catalog_is_refused_without_checking_anything() {
        var other = new GithubDelivery("workflow_run", "d-2", "octo-org/unknown", "completed", null);

        assertThatThrownBy(() -> receive.receive(other, body, null)).isInstanceOf(UnknownRepositoryException.class)
                .hasMessage("repository octo-org/unknown is not in the catalog: register it and redeliver");
        assertThat(recorded).isEmpty();
    }

    private boolean record(String id, String event, String service, Instant at) {
        return recorded.add(id);
    }

    private final class OneService implements CatalogedServices {
        public void register(CatalogedService s) {
            throw new UnsupportedOperationException();
        }

        public Optional<CatalogedService> byName(String name) {
            return Optional.of(service).filter(s -> s.name().equals(name));
        }

        public Optional<CatalogedService> byRepository(String repository) {
            return Optional.of(service).filter(s -> s.repository().equalsIgnoreCase(repository));
        }
    }
}
