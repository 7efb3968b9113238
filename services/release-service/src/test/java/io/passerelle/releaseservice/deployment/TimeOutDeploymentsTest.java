package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.catalog.Environment;
import org.junit.jupiter.api.Test;

class TimeOutDeploymentsTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Environment STAGING = new Environment("staging", 1, false,
            DeployTarget.webhook("https://deploy.example/staging"), java.time.Duration.ofMinutes(10));

    final InMemoryStores stores = new InMemoryStores();

    Deployment authorizedAt(Instant at) {
        var release = Release.fromPipeline("payments", "0123456789abcdef" + at.getEpochSecond() % 10, null, null, "octo",
                T0);
        var deployment = Deployment.plan(release, STAGING, T0);
        deployment.authorize(UUID.randomUUID(), at);
        stores.deployments.save(deployment);
        stores.published.clear();
        return deployment;
    }

    TimeOutDeployments at(Instant now) {
        return new TimeOutDeployments(stores.deployments, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void only_the_deployments_past_their_deadline_fail_each_with_deployment_failed() {
        var early = authorizedAt(T0);
        var late = authorizedAt(T0.plusSeconds(300));

        assertThat(at(T0.plusSeconds(600)).timeOutDue(10)).isEqualTo(1);

        assertThat(stores.deploymentsById.get(early.id()).state()).isEqualTo(DeploymentState.FAILED);
        assertThat(stores.deploymentsById.get(late.id()).state()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(stores.published(DeploymentFailed.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("no outcome within 10m of its authorization at "
                        + T0));
        assertThat(at(T0.plusSeconds(600)).nextDeadline()).contains(T0.plusSeconds(900));
    }

    @Test
    void a_batch_times_out_at_most_its_limit_earliest_first() {
        var first = authorizedAt(T0);
        authorizedAt(T0.plusSeconds(1));

        assertThat(at(T0.plusSeconds(3600)).timeOutDue(1)).isEqualTo(1);
        assertThat(stores.deploymentsById.get(first.id()).state()).isEqualTo(DeploymentState.FAILED);
        assertThat(at(T0.plusSeconds(3600)).timeOutDue(1)).isEqualTo(1);
        assertThat(at(T0.plusSeconds(3600)).timeOutDue(1)).isZero();
    }
}
