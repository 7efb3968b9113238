package io.passerelle.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The allow-list as an operator sets it: the environment variable infra/bin/stack sets, or nothing. */
class OutboundConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(OutboundConfiguration.class);

    @Test
    void the_stacks_environment_variable_admits_loopback() {
        context.withInitializer(app -> app.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("env", Map.of("PASSERELLE_OUTBOUND_ALLOW", "127.0.0.0/8,::1"))))
                .run(app -> {
                    var guard = app.getBean(OutboundGuard.class);
                    assertThat(guard.check("http://127.0.0.1:8099/deploy")).isInstanceOf(OutboundVerdict.Admitted.class);
                    assertThat(guard.check("http://[::1]:8099/deploy")).isInstanceOf(OutboundVerdict.Admitted.class);
                    assertThat(guard.check("http://10.0.0.1/deploy")).isInstanceOf(OutboundVerdict.Forbidden.class);
                });
    }

    @Test
    void without_an_allow_list_only_public_addresses_are_called() {
        context.run(app -> assertThat(app.getBean(OutboundGuard.class).check("http://127.0.0.1:8099/deploy"))
                .isInstanceOf(OutboundVerdict.Forbidden.class));
    }

    @Test
    void an_allow_list_entry_that_is_neither_a_block_nor_host_port_stops_the_service() {
        context.withPropertyValues("passerelle.outbound.allow=10.0.0.0/8,deployer.internal")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("passerelle.outbound.allow: 'deployer.internal'"));
    }
}
