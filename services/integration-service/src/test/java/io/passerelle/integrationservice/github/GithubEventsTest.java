package io.passerelle.integrationservice.github;

import java.time.Instant;

import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** pipeline.succeeded.v1 as the outbox serializes it is exactly what was sent before it became the wire record. */
class GithubEventsTest {

    @Test
    void pipeline_succeeded_is_sent_as_recorded() {
        EventContracts.assertMatchesRecorded(new PipelineSucceeded("payments-api", "octo-org/payments-api", "main",
                "3484a3fb816e0859fd6e1cea078d76385ff50625", "9876543210",
                "https://github.com/octo-org/payments-api/actions/runs/9876543210", "CI", "octocat",
                PipelineRules.PROVIDER, "72d3162e-cc78-11e3-81ab-4c9367dc0958", Instant.parse("2026-05-04T08:55:41Z")));
    }
}
