package io.passerelle.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import io.passerelle.gateway.limit.RateLimits.Kind;
import io.passerelle.gateway.limit.RateLimits.Limit;
import io.passerelle.gateway.limit.RateLimits.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

class RateLimitsTest {

    /** Binds as the gateway does: the environment over the shipped application.yaml. */
    static RateLimits bind(Map<String, Object> environment) throws IOException {
        var env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(env.getPropertySources()::addLast);
        return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("passerelle.rate-limits", RateLimits.class);
    }

    @Test
    void the_defaults_give_webhooks_more_room_than_the_api() throws IOException {
        var limits = bind(Map.of());
        assertThat(limits.namespace()).isEqualTo("passerelle");
        for (var scope : Scope.values()) {
            var api = limits.limit(Kind.API, scope);
            var webhooks = limits.limit(Kind.WEBHOOKS, scope);
            assertThat(webhooks.replenishRate()).isGreaterThan(api.replenishRate());
            assertThat(webhooks.burstCapacity()).isGreaterThan(api.burstCapacity());
        }
    }

    @Test
    void each_limit_can_be_set_from_the_environment_as_the_stack_and_the_canvas_name_it() throws IOException {
        var limits = bind(Map.of("PASSERELLE_RATELIMITS_API_PERCLIENT_REPLENISHRATE", "500",
                "PASSERELLE_RATELIMITS_API_PERCLIENT_BURSTCAPACITY", "2000",
                "PASSERELLE_RATELIMITS_WEBHOOKS_PERADDRESS_REQUESTEDTOKENS", "2",
                "PASSERELLE_RATELIMITS_NAMESPACE", "passerelle-e2e"));
        assertThat(limits.limit(Kind.API, Scope.CLIENT)).isEqualTo(new Limit(500, 2000, 1));
        assertThat(limits.limit(Kind.API, Scope.ADDRESS)).isEqualTo(bind(Map.of()).limit(Kind.API, Scope.ADDRESS));
        assertThat(limits.limit(Kind.WEBHOOKS, Scope.ADDRESS).requestedTokens()).isEqualTo(2);
        assertThat(limits.namespace()).isEqualTo("passerelle-e2e");
    }

    @Test
    void webhooks_are_their_own_kind_of_traffic() {
        assertThat(Kind.of("/webhooks/github")).isEqualTo(Kind.WEBHOOKS);
        assertThat(Kind.of("/webhooks/alertmanager")).isEqualTo(Kind.WEBHOOKS);
        assertThat(Kind.of("/api/v1/changes")).isEqualTo(Kind.API);
        assertThat(Kind.of("/actuator/health")).isEqualTo(Kind.API);
    }

    @Test
    void a_limit_that_cannot_work_is_refused_at_startup() {
        assertThatThrownBy(() -> bind(Map.of("PASSERELLE_RATELIMITS_API_PERCLIENT_BURSTCAPACITY", "10")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("burst-capacity >= both");
        assertThatThrownBy(() -> new Limit(0, 10, 1)).hasMessageContaining("replenish-rate >= 1");
    }

    @Test
    void a_limit_says_what_it_allows_and_when_to_retry() {
        assertThat(new Limit(50, 200, 1)).hasToString("50 per second (bursts of 200)");
        assertThat(new Limit(50, 200, 1).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Limit(1, 600, 60)).hasToString("one per 60 s (bursts of 10)");
        assertThat(new Limit(1, 600, 60).retryAfterSeconds()).isEqualTo(60);
        assertThat(new Limit(3, 10, 2)).hasToString("1.5 per second (bursts of 5)");
    }
}
