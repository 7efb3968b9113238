package io.passerelle.releaseservice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.outbound.HostResolver;
import io.passerelle.platform.outbound.OutboundAllowList;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.releaseservice.catalog.RegisterService.NewEnvironment;
import io.passerelle.releaseservice.catalog.RegisterService.NewService;
import io.passerelle.releaseservice.catalog.port.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterServiceTest {

    final List<Service> stored = new ArrayList<>();
    final List<ServiceRegistered> published = new ArrayList<>();
    final Services services = new Services() {
        public void save(Service service) {
            stored.add(service);
            published.addAll(service.pullEvents());
        }

        public Optional<Service> byName(String name) {
            return stored.stream().filter(s -> s.name().equals(name)).findFirst();
        }

        public Optional<String> nameOfGitlabProject(String project) {
            return stored.stream().filter(s -> project.equalsIgnoreCase(s.gitlabProject())).map(Service::name)
                    .findFirst();
        }

        public Optional<String> nameOfRepository(String repository) {
            return stored.stream().filter(s -> s.repository().equalsIgnoreCase(repository)).map(Service::name)
                    .findFirst();
        }

        public List<Service> all() {
            return List.copyOf(stored);
        }
    };

    /** A fake DNS: a wildcard name that points inside, a public deployer, an internal one. */
    static final HostResolver DNS = host -> {
        var answer = Map.of(
                "169.254.169.254.nip.io", "169.254.169.254",
                "deploy.example", "93.184.215.14",
                "deployer.internal", "10.20.0.7").get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(answer));
    };

    RegisterService registering(String... allowed) {
        return new RegisterService(services,
                new SecretSealer("dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE="),
                new OutboundGuard(OutboundAllowList.parse(List.of(allowed)), DNS),
                Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));
    }

    static NewService payments(String stagingUrl, String productionUrl) {
        return new NewService("payments", "acme/payments", "main", "a-webhook-secret-of-32-characters",
                List.of(new NewEnvironment("staging", 1, false, "webhook", stagingUrl, List.of()),
                        new NewEnvironment("production", 2, true, "webhook", productionUrl, List.of())));
    }

    @Test
    void a_gitlab_project_is_kept_and_published_beside_the_repository() {
        var request = payments("https://deploy.example/staging", "https://deploy.example/production");
        var service = registering().register(new NewService(request.name(), request.repository(),
                "acme/platform/payments", request.defaultBranch(), request.webhookSecret(), request.environments()));
        assertThat(service.gitlabProject()).isEqualTo("acme/platform/payments");
        assertThat(published).singleElement()
                .satisfies(e -> assertThat(e.gitlabProject()).isEqualTo("acme/platform/payments"));
    }

    @Test
    void a_gitlab_project_already_registered_by_another_service_is_a_conflict() {
        var request = payments("https://deploy.example/staging", "https://deploy.example/production");
        registering().register(new NewService("payments", "acme/payments", "acme/payments-gl", "main",
                request.webhookSecret(), request.environments()));
        assertThatThrownBy(() -> registering().register(new NewService("billing", "acme/billing", "ACME/Payments-GL",
                "main", request.webhookSecret(), request.environments())))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT));
        assertThat(stored).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "payments", "acme/", "/acme/payments", "acme/pay ments" })
    void a_gitlab_project_that_is_not_a_full_path_is_invalid(String project) {
        var request = payments("https://deploy.example/staging", "https://deploy.example/production");
        assertThatThrownBy(() -> registering().register(new NewService("payments", "acme/payments", project, "main",
                request.webhookSecret(), request.environments()))).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gitlabProject");
        assertThat(stored).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.169.254/latest/meta-data", "http://[::ffff:169.254.169.254]/", "http://[fd00:ec2::254]/",
            "http://metadata.google.internal/computeMetadata/v1/", "http://169.254.169.254.nip.io/latest/meta-data",
            "http://100.100.100.200/", "http://10.0.0.1/deploy", "http://127.0.0.1:8099/deploy" })
    void a_deploy_target_aimed_inside_is_refused_by_rule_naming_the_field_and_nothing_is_stored(String url) {
        assertThatThrownBy(() -> registering().register(payments("https://deploy.example/staging", url)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE);
                    assertThat(e.getMessage()).startsWith("environments[1].deployTarget.url: " + url + " is refused: ");
                });
        assertThat(stored).isEmpty();
        assertThat(published).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://0xA9FEA9FE/", "http://2852039166/latest/meta-data", "http://good@169.254.169.254/",
            "http://deploy.example@169.254.169.254/", "http://0251.0376.0251.0376/", "ftp://deploy.example/",
            "http://under_score.example/", "not a url" })
    void a_malformed_deploy_target_is_invalid_input_naming_the_field_and_nothing_is_stored(String url) {
        assertThatThrownBy(() -> registering().register(payments(url, "https://deploy.example/production")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("environments[0].deployTarget.url: " + url + " ");
        assertThat(stored).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void the_detail_says_why_in_the_release_managers_terms() {
        assertThatThrownBy(() -> registering().register(payments("http://169.254.169.254/latest/meta-data",
                "https://deploy.example/production"))).hasMessage("environments[0].deployTarget.url:"
                        + " http://169.254.169.254/latest/meta-data is refused: 169.254.169.254 is the cloud metadata"
                        + " address (AWS, GCP, Azure, OCI, …): Passerelle never calls link-local, metadata, unspecified,"
                        + " multicast or reserved addresses");
        assertThatThrownBy(() -> registering().register(payments("http://good@169.254.169.254/",
                "https://deploy.example/production"))).hasMessage("environments[0].deployTarget.url:"
                        + " http://good@169.254.169.254/ must not carry user information (user@host): it disguises"
                        + " where the call goes");
    }

    @Test
    void every_environment_is_checked_and_named_in_request_order() {
        var request = new NewService("payments", "acme/payments", "main", "a-webhook-secret-of-32-characters",
                List.of(new NewEnvironment("production", 2, true, "webhook", "https://deploy.example/production", List.of()),
                        new NewEnvironment("staging", 1, false, "webhook", "http://[fd00:ec2::254]/", List.of())));

        assertThatThrownBy(() -> registering().register(request))
                .hasMessageStartingWith("environments[1].deployTarget.url: http://[fd00:ec2::254]/ is refused: "
                        + "fd00:ec2::254 is the cloud metadata address (AWS, IPv6)");
    }

    @Test
    void internal_targets_the_operator_allows_are_registered() {
        var service = registering("127.0.0.0/8", "deployer.internal:8443")
                .register(payments("http://127.0.0.1:8099/deploy", "https://deployer.internal:8443/deploy"));

        assertThat(stored).containsExactly(service);
        assertThat(published).hasSize(1);
    }

    @Test
    void public_targets_and_names_that_do_not_resolve_yet_are_registered() {
        registering().register(payments("https://deploy.example/staging", "https://not-yet-in-dns.example/deploy"));

        assertThat(stored).hasSize(1);
    }
}
