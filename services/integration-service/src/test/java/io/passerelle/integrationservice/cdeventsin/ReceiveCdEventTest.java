package io.passerelle.integrationservice.cdeventsin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.passerelle.integrationservice.alert.Attribution;
import io.passerelle.integrationservice.alert.LabelRules;
import io.passerelle.integrationservice.alert.ReceiveAlerts;
import io.passerelle.integrationservice.alert.Source;
import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.cdeventsin.port.ReceivedCdEvents;
import io.passerelle.integrationservice.cdeventsin.port.Senders;
import io.passerelle.integrationservice.observeddeployment.DeploymentObserved;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

class ReceiveCdEventTest {

    static final String KEY = "dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=";
    static final Instant NOW = Instant.parse("2026-11-30T10:15:01Z");
    final SecretSealer sealer = new SecretSealer(KEY);
    final CatalogedService payments = new CatalogedService("payments", "acme/payments", "main",
            sealer.seal("s"), Instant.EPOCH, List.of("staging", "production"));
    final List<Sender> registered = new ArrayList<>(List.of(
            new Sender("argo-rollouts", sealer.seal("token-of-argo-rollouts-0123456789abcdef"), NOW, "oscar"),
            new Sender("spinnaker", sealer.seal("token-of-spinnaker-0123456789abcdef-xyz"), NOW, "oscar")));
    final Set<String> taken = new HashSet<>();
    final List<DomainEvent> published = new ArrayList<>();
    final CatalogedServices catalog = new CatalogedServices() {
        public void register(CatalogedService s) {
        }

        public Optional<CatalogedService> byName(String name) {
            return name.equals(payments.name()) ? Optional.of(payments) : Optional.empty();
        }

        public Optional<CatalogedService> byRepository(String repository) {
            return Optional.empty();
        }
    };
    final Senders senders = new Senders() {
        public void save(Sender sender) {
            registered.add(sender);
        }

        public List<Sender> all() {
            return registered;
        }

        public boolean remove(String name) {
            return registered.removeIf(s -> s.name().equals(name));
        }
    };
    final ReceivedCdEvents received = (source, id, type, sender, at) -> taken.add(source + " " + id);
    final ReceiveAlerts alerts = new ReceiveAlerts(new Attribution(Map.of(
            Source.ALERTMANAGER, new LabelRules(List.of("service"), List.of("environment")),
            Source.GRAFANA, new LabelRules(List.of("service"), List.of("environment")),
            Source.CDEVENTS, new LabelRules(List.of("service"), List.of("environment"))), catalog), published::add);
    final ReceiveCdEvent receive = new ReceiveCdEvent(senders, received, new CdEventMappings(catalog, alerts),
            published::add, sealer, Clock.fixed(NOW, ZoneOffset.UTC));

    static InboundCdEvent event(String type, Map<String, String> content, Map<String, String> customData) {
        return new InboundCdEvent("/argo-rollouts/prod-cluster", "271069a8-fc18-44f1-b38f-9d70a1695819", type,
                Instant.parse("2026-11-30T10:15:00Z"), "payments/production", content, customData);
    }

    @Test
    void the_sender_is_the_one_whose_token_it_is_and_no_token_or_another_is_refused() {
        assertThat(receive.authenticate("token-of-spinnaker-0123456789abcdef-xyz").name()).isEqualTo("spinnaker");
        assertThat(receive.authenticate("token-of-argo-rollouts-0123456789abcdef").name()).isEqualTo("argo-rollouts");
        assertThatThrownBy(() -> receive.authenticate(null)).isInstanceOf(UnauthenticatedSenderException.class);
        assertThatThrownBy(() -> receive.authenticate("token-of-argo-rollouts-0123456789abcdeF"))
                .isInstanceOf(UnauthenticatedSenderException.class);
    }

    @Test
    void a_service_upgraded_by_another_tool_is_observed_as_the_recorded_example_says() {
        var sender = receive.authenticate("token-of-argo-rollouts-0123456789abcdef");
        var outcome = receive.receive(sender, event(CdEventKind.SERVICE_UPGRADED.wire(),
                Map.of("environment", "Production", "artifactId", "pkg:oci/payments@1.4.2?repository_url=x"),
                Map.of("commitSha", "279484c09fbe69ededfced8c1bb6e6d24616b468",
                        "url", "https://rollouts.example/payments/42")));

        assertThat(outcome).isEqualTo(new ReceiveCdEvent.Outcome.Accepted("1 event(s): deployment.observed.v1"));
        var observed = (DeploymentObserved) published.getFirst();
        assertThat(observed.deploymentId()).isEqualTo(DeploymentObserved.idOf("cdevents",
                "/argo-rollouts/prod-cluster", "271069a8-fc18-44f1-b38f-9d70a1695819"));
        // the example's deploymentId is this one's: the contract's memory
        EventContracts.assertMatchesRecorded(new DeploymentObserved(
                java.util.UUID.fromString("7a3c5c0e-55f4-3c5d-9a43-0f0b2f4c1e11"), observed.service(),
                observed.environment(), observed.version(), observed.commitSha(), observed.outcome(), observed.kind(),
                observed.intake(), observed.tool(), observed.source(), observed.externalId(), observed.url(),
                observed.startedAt(), observed.finishedAt(), observed.observedAt()));
    }

    @Test
    void the_same_source_and_id_again_publishes_nothing() {
        var sender = registered.getFirst();
        var deployed = event(CdEventKind.SERVICE_DEPLOYED.wire(),
                Map.of("environment", "staging", "artifactId", "pkg:generic/payments@1.4.2"), Map.of());
        assertThat(receive.receive(sender, deployed)).isInstanceOf(ReceiveCdEvent.Outcome.Accepted.class);
        assertThat(receive.receive(sender, deployed)).isEqualTo(new ReceiveCdEvent.Outcome.Duplicate());
        assertThat(published).hasSize(1);
    }

    @Test
    void a_service_the_purl_or_custom_data_names_must_be_catalogued_with_that_environment() {
        var sender = registered.getFirst();
        assertThatThrownBy(() -> receive.receive(sender, event(CdEventKind.SERVICE_DEPLOYED.wire(),
                Map.of("environment", "production", "artifactId", "pkg:oci/myapp@sha256%3A0b31"), Map.of())))
                .isInstanceOf(UnknownServiceException.class)
                .satisfies(e -> assertThat(((UnknownServiceException) e).pointer())
                        .isEqualTo("/subject/content/artifactId"));
        // customData.service wins over the package name, and the version is the package's
        assertThat(receive.receive(sender, event(CdEventKind.SERVICE_ROLLEDBACK.wire(),
                Map.of("environment", "production", "artifactId", "pkg:oci/payments-image@sha256%3A0b31"),
                Map.of("service", "payments")))).isInstanceOf(ReceiveCdEvent.Outcome.Accepted.class);
        assertThat(((DeploymentObserved) published.getFirst()).version()).isEqualTo("sha256:0b31");
        assertThat(((DeploymentObserved) published.getFirst()).kind()).isEqualTo(DeploymentObserved.Kind.rolledback);
        assertThatThrownBy(() -> receive.receive(sender, event(CdEventKind.SERVICE_DEPLOYED.wire(),
                Map.of("environment", "qa", "artifactId", "pkg:generic/payments@2"), Map.of())))
                .isInstanceOf(UnknownServiceException.class)
                .satisfies(e -> assertThat(((UnknownServiceException) e).pointer())
                        .isEqualTo("/subject/content/environment/id"));
        assertThatThrownBy(() -> receive.receive(sender, event(CdEventKind.SERVICE_DEPLOYED.wire(),
                Map.of("environment", "qa", "artifactId", "payments-1.0.jar"), Map.of())))
                .isInstanceOf(InvalidCdEventException.class)
                .satisfies(e -> assertThat(((InvalidCdEventException) e).pointer())
                        .isEqualTo("/subject/content/artifactId"));
        assertThatThrownBy(() -> receive.receive(sender, event(CdEventKind.SERVICE_DEPLOYED.wire(),
                Map.of("environment", "production", "artifactId", "pkg:generic/payments@2"),
                Map.of("commitSha", "HEAD"))))
                .isInstanceOf(InvalidCdEventException.class)
                .satisfies(e -> assertThat(((InvalidCdEventException) e).pointer()).isEqualTo("/customData/commitSha"));
        assertThat(taken).hasSize(1);
    }

    @Test
    void a_pipeline_run_needs_its_service_commit_and_branch_in_custom_data() {
        var sender = registered.getFirst();
        var content = Map.of("pipelineName", "build", "outcome", "error", "uri", "https://ci.example/7");
        assertThatThrownBy(() -> receive.receive(sender, event(CdEventKind.PIPELINERUN_FINISHED.wire(), content,
                Map.of("service", "payments", "branch", "main"))))
                .satisfies(e -> assertThat(((InvalidCdEventException) e).pointer()).isEqualTo("/customData/commitSha"));
        assertThat(receive.receive(sender, event(CdEventKind.PIPELINERUN_FINISHED.wire(), content, Map.of(
                "service", "payments", "branch", "main", "commitSha", "279484c0"))))
                .isEqualTo(new ReceiveCdEvent.Outcome.Accepted("1 event(s): pipeline.failed.v1"));
        var failed = (io.passerelle.integrationservice.github.PipelineFailed) published.getFirst();
        assertThat(failed.conclusion()).isEqualTo("error");
        assertThat(failed.provider()).isEqualTo("cdevents");
        assertThat(failed.pipelineName()).isEqualTo("build");
    }

    @Test
    void other_types_are_ignored_with_the_reason_and_not_recorded() {
        assertThat(receive.receive(registered.getFirst(), event("dev.cdevents.build.finished.0.3.0", Map.of(),
                Map.of()))).isInstanceOf(ReceiveCdEvent.Outcome.Ignored.class);
        assertThat(taken).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void package_urls_give_their_name_and_decoded_version() {
        assertThat(PackageUrl.parse("pkg:oci/myapp@sha256%3A0b31?repository_url=ghcr.io#x"))
                .contains(new PackageUrl("myapp", "sha256:0b31"));
        assertThat(PackageUrl.parse("pkg:maven/io.acme/payments@1.4.2")).contains(new PackageUrl("payments", "1.4.2"));
        assertThat(PackageUrl.parse("pkg:generic/payments")).isEmpty();
        assertThat(PackageUrl.parse("payments@1")).isEmpty();
    }
}
