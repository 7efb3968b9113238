package io.passerelle.integrationservice.github;

import java.time.Instant;
import java.util.List;

import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** The pipeline events as the outbox serializes them are exactly their recorded examples. */
class GithubEventsTest {

    @Test
    void pipeline_succeeded_is_sent_as_recorded() {
        EventContracts.assertMatchesRecorded(new PipelineSucceeded("payments-api", "octo-org/payments-api", "main",
                "3484a3fb816e0859fd6e1cea078d76385ff50625", "9876543210",
                "https://github.com/octo-org/payments-api/actions/runs/9876543210", "CI", "octocat",
                PipelineRules.PROVIDER, "72d3162e-cc78-11e3-81ab-4c9367dc0958", Instant.parse("2026-05-04T08:55:41Z"),
                163L, 1, COMMITTED, HEAD));
    }

    @Test
    void pipeline_failed_is_sent_as_recorded() {
        EventContracts.assertMatchesRecorded(new PipelineFailed("payments-api", "octo-org/payments-api", "main",
                "3484a3fb816e0859fd6e1cea078d76385ff50625", "9876543211",
                "https://github.com/octo-org/payments-api/actions/runs/9876543211", "e2e", "octocat",
                PipelineRules.PROVIDER, "8a0d4e10-cc78-11e3-81ab-4c9367dc0958", Instant.parse("2026-05-04T08:55:41Z"),
                "failure", 58L, 2, COMMITTED, HEAD));
    }

    static final Instant COMMITTED = Instant.parse("2026-05-04T08:41:07Z");
    static final List<PipelineCommit> HEAD = List.of(new PipelineCommit("3484a3fb816e0859fd6e1cea078d76385ff50625",
            "build(test): check workflow run event payload", COMMITTED));
}
