package io.passerelle.releaseservice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceTest {

    static Environment env(String name, int order, boolean requiresApproval) {
        return new Environment(name, order, requiresApproval, DeployTarget.webhook("https://deploy.example/" + name), List.of());
    }

    static Service service(Environment... environments) {
        return Service.register("payments", "acme/payments", "main", "sealed", List.of(environments),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void environments_are_kept_in_promotion_order_whatever_order_they_were_given_in() {
        var service = service(env("production", 30, true), env("dev", 5, false), env("staging", 10, false));

        assertThat(service.environments()).extracting(Environment::name).containsExactly("dev", "staging", "production");
        assertThat(service.firstEnvironment().name()).isEqualTo("dev");
    }

    @Test
    void the_next_environment_is_the_next_higher_order_not_order_plus_one() {
        var service = service(env("production", 30, true), env("dev", 5, false), env("staging", 10, false));

        assertThat(service.environmentAfter("dev")).map(Environment::name).contains("staging");
        assertThat(service.environmentAfter("staging")).map(Environment::name).contains("production");
    }

    @Test
    void there_is_no_environment_after_the_last_one() {
        var service = service(env("staging", 1, false), env("production", 2, true));

        assertThat(service.environmentAfter("production")).isEmpty();
    }

    @Test
    void an_unknown_environment_has_no_successor() {
        var service = service(env("staging", 1, false));

        assertThatThrownBy(() -> service.environmentAfter("qa")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environment_names_must_be_unique() {
        assertThatThrownBy(() -> service(env("staging", 1, false), env("staging", 2, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("staging");
    }

    @Test
    void environment_orders_must_be_unique() {
        assertThatThrownBy(() -> service(env("staging", 1, false), env("production", 1, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order 1");
    }

    @Test
    void environment_orders_must_be_positive() {
        assertThatThrownBy(() -> env("staging", 0, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_service_needs_an_environment() {
        assertThatThrownBy(() -> service()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void names_and_repositories_are_checked() {
        var envs = List.of(env("staging", 1, false));
        var at = Instant.EPOCH;
        assertThatThrownBy(() -> Service.register("Payments", "acme/payments", "main", "s", envs, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Service.register("payments", "payments", "main", "s", envs, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Service.register("payments", "acme/payments", " ", "s", envs, at))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deploy_targets_are_http_or_https_webhooks() {
        assertThat(DeployTarget.webhook("http://deployer:8080/hook").url().getHost()).isEqualTo("deployer");
        assertThatThrownBy(() -> DeployTarget.webhook("ftp://deployer/hook")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeployTarget.webhook("https://")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeployTarget.webhook("not a url")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registering_registers_the_event_once_with_the_sealed_secret() {
        var service = service(env("staging", 1, false));

        var events = service.pullEvents();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.service()).isEqualTo("payments");
            assertThat(e.webhookSecretSealed()).isEqualTo("sealed");
            assertThat(e.environments()).extracting(ServiceRegistered.RegisteredEnvironment::name).containsExactly("staging");
        });
        assertThat(service.pullEvents()).isEmpty();
    }
    static Environment requiring(List<String> checks) {
        return new Environment("staging", 1, false, DeployTarget.webhook("https://deploy.example/staging"), checks);
    }

    @Test
    void an_environment_keeps_its_required_checks_in_the_order_given() {
        assertThat(requiring(List.of("build", "CI / test", "e2e (ubuntu, 21)")).requiredChecks())
                .containsExactly("build", "CI / test", "e2e (ubuntu, 21)");
    }

    @Test
    void required_checks_are_named_unique_and_bounded() {
        var tooMany = java.util.stream.IntStream.rangeClosed(1, Environment.MAX_REQUIRED_CHECKS + 1)
                .mapToObj(i -> "check-" + i).toList();
        for (var checks : List.of(List.of("build", "build"), List.of(" "), List.of(""), List.of("bu\tild"),
                List.of("x".repeat(Environment.MAX_CHECK_NAME + 1)), tooMany)) {
            assertThatThrownBy(() -> requiring(checks)).as("%s", checks).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(requiring(tooMany.subList(0, Environment.MAX_REQUIRED_CHECKS)).requiredChecks())
                .hasSize(Environment.MAX_REQUIRED_CHECKS);
    }
}
