package io.passerelle.integrationservice.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.RepositoryFiles;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@PasserelleIntegrationTest
@AutoConfigureMockMvc
class GithubWebhookIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    TestCatalog.Registered service;

    @BeforeEach
    void registerAService() {
        Assumptions.assumeTrue(RepositoryFiles.vectors().isPresent(), RepositoryFiles.NO_VECTORS);
        service = TestCatalog.register(events, jdbc, "master");
    }

    /** The real GitHub delivery from the shared vectors, pointed at our service's repository. */
    ObjectNode workflowRun() throws Exception {
        var file = RepositoryFiles.vectors().orElseThrow().resolve("github/workflow_run_completed.payload.json");
        var payload = (ObjectNode) json.readTree(Files.readAllBytes(file));
        ((ObjectNode) payload.get("repository")).put("full_name", service.repository().toLowerCase());
        ((ObjectNode) payload.get("workflow_run").get("head_repository")).put("full_name", service.repository());
        return payload;
    }

    /** The vector's delivery for attempt {@code attempt} of run {@code runId} of workflow {@code name}. */
    ObjectNode workflowRun(String name, long runId, int attempt, String conclusion) throws Exception {
        var payload = workflowRun();
        ((ObjectNode) payload.get("workflow")).put("name", name);
        var run = (ObjectNode) payload.get("workflow_run");
        run.put("name", name);
        run.put("id", runId);
        run.put("run_attempt", attempt);
        run.put("conclusion", conclusion);
        run.put("html_url", "https://github.com/octo-org/octo-repo/actions/runs/" + runId);
        return payload;
    }

    CloudEvent awaitPipelineEvent(String type, String deliveryId) {
        return EventContracts.assertConforms(events.await(type,
                data -> data.get("deliveryId").asString().equals(deliveryId)));
    }

    ResultActions deliver(String event, String deliveryId, byte[] body, @Nullable String signature) throws Exception {
        var request = post("/webhooks/github").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", deliveryId);
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return mvc.perform(request);
    }

    ResultActions deliverSigned(String event, String deliveryId, byte[] body) throws Exception {
        return deliver(event, deliveryId, body, HmacSha256.sign(service.secret(), body));
    }

    int pipelineEventsFor(String deliveryId) {
        return jdbc.sql("""
                select count(*) from outbox_event where type in ('pipeline.succeeded.v1', 'pipeline.failed.v1')
                and payload -> 'data' ->> 'deliveryId' = :id""").param("id", deliveryId).query(Integer.class).single();
    }

    int deliveriesRecorded(String deliveryId) {
        return jdbc.sql("select count(*) from github_delivery where delivery_id = :id").param("id", deliveryId)
                .query(Integer.class).single();
    }

    @Test
    void a_green_workflow_run_on_the_default_branch_becomes_pipeline_succeeded() throws Exception {
        var deliveryId = UUID.randomUUID().toString();
        var body = json.writeValueAsBytes(workflowRun());

        deliverSigned("workflow_run", deliveryId, body)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("accepted"))
                .andExpect(jsonPath("$.reason").doesNotExist());

        var event = EventContracts.assertConforms(events.await("pipeline.succeeded.v1",
                data -> data.get("deliveryId").asString().equals(deliveryId)));
        var data = event.data();
        assertThat(data.get("service").asString()).isEqualTo(service.service());
        assertThat(data.get("repository").asString()).isEqualTo(service.repository());
        assertThat(data.get("branch").asString()).isEqualTo("master");
        assertThat(data.get("commitSha").asString()).isEqualTo("3484a3fb816e0859fd6e1cea078d76385ff50625");
        assertThat(data.get("runId").asString()).isEqualTo("289782451");
        assertThat(data.get("runUrl").asString()).isEqualTo("https://github.com/octo-org/octo-repo/actions/runs/289782451");
        assertThat(data.get("actor").asString()).isEqualTo("Codertocat");
        assertThat(data.get("provider").asString()).isEqualTo("github");
        assertThat(data.get("finishedAt").asString()).isEqualTo("2020-10-05T16:33:49Z");
        // the vector's workflow_run.name is empty: the check is named by the workflow's name
        assertThat(data.get("pipelineName").asString()).isEqualTo("test");
        assertThat(data.get("runNumber").asLong()).isEqualTo(163);
        assertThat(data.get("runAttempt").asInt()).isEqualTo(1);
        assertThat(data.get("headCommitAt").asString()).isEqualTo("2020-10-05T16:32:07Z");
        assertThat(data.get("commits")).singleElement().satisfies(commit -> {
            assertThat(commit.get("sha").asString()).isEqualTo("3484a3fb816e0859fd6e1cea078d76385ff50625");
            assertThat(commit.get("message").asString()).isEqualTo("build(test): check workflow run event payload");
            assertThat(commit.get("committedAt").asString()).isEqualTo("2020-10-05T16:32:07Z");
        });
        assertThat(deliveriesRecorded(deliveryId)).isEqualTo(1);
    }

    @Test
    void a_matrix_of_workflows_on_one_commit_is_forwarded_whatever_their_conclusions_with_each_attempt()
            throws Exception {
        var build = UUID.randomUUID().toString();
        var test = UUID.randomUUID().toString();
        var e2e = UUID.randomUUID().toString();
        var e2eRerun = UUID.randomUUID().toString();

        deliverSigned("workflow_run", build, json.writeValueAsBytes(workflowRun("build", 501, 1, "success")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.outcome").value("accepted"));
        deliverSigned("workflow_run", test, json.writeValueAsBytes(workflowRun("test", 502, 1, "success")))
                .andExpect(status().isAccepted());
        deliverSigned("workflow_run", e2e, json.writeValueAsBytes(workflowRun("e2e", 503, 1, "failure")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.outcome").value("accepted"));
        deliverSigned("workflow_run", e2eRerun, json.writeValueAsBytes(workflowRun("e2e", 503, 2, "success")))
                .andExpect(status().isAccepted());

        assertThat(awaitPipelineEvent("pipeline.succeeded.v1", build).data().get("pipelineName").asString())
                .isEqualTo("build");
        assertThat(awaitPipelineEvent("pipeline.succeeded.v1", test).data().get("pipelineName").asString())
                .isEqualTo("test");
        var failed = awaitPipelineEvent("pipeline.failed.v1", e2e);
        assertThat(failed.subject()).isEqualTo(service.service() + "/503");
        assertThat(failed.data().get("conclusion").asString()).isEqualTo("failure");
        assertThat(failed.data().get("pipelineName").asString()).isEqualTo("e2e");
        assertThat(failed.data().get("runAttempt").asInt()).isEqualTo(1);
        assertThat(failed.data().get("runUrl").asString()).isEqualTo("https://github.com/octo-org/octo-repo/actions/runs/503");
        assertThat(failed.data().get("commitSha").asString()).isEqualTo("3484a3fb816e0859fd6e1cea078d76385ff50625");
        var rerun = awaitPipelineEvent("pipeline.succeeded.v1", e2eRerun);
        assertThat(rerun.data().get("runId").asString()).isEqualTo("503");
        assertThat(rerun.data().get("runAttempt").asInt()).isEqualTo(2);
        for (var delivery : List.of(build, test, e2e, e2eRerun)) {
            assertThat(pipelineEventsFor(delivery)).isOne();
        }
    }

    @Test
    void a_run_of_a_fork_s_branch_named_like_the_default_branch_is_ignored() throws Exception {
        var deliveryId = UUID.randomUUID().toString();
        var payload = workflowRun();
        ((ObjectNode) payload.get("workflow_run").get("head_repository")).put("full_name", "mallory/octo-repo");

        deliverSigned("workflow_run", deliveryId, json.writeValueAsBytes(payload))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("ignored"))
                .andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("mallory/octo-repo")));
        assertThat(pipelineEventsFor(deliveryId)).isZero();
    }

    @Test
    void a_bad_signature_is_refused_with_401_and_nothing_is_written() throws Exception {
        var deliveryId = UUID.randomUUID().toString();
        var body = json.writeValueAsBytes(workflowRun());

        deliver("workflow_run", deliveryId, body, HmacSha256.sign("not-the-secret", body))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/unauthenticated"));
        // signed by the right secret, but over other bytes than those sent
        deliver("workflow_run", deliveryId, body, HmacSha256.sign(service.secret(), (new String(body) + " ").getBytes()))
                .andExpect(status().isUnauthorized());

        assertThat(deliveriesRecorded(deliveryId)).isZero();
        assertThat(pipelineEventsFor(deliveryId)).isZero();
    }

    @Test
    void a_missing_signature_is_refused_with_401() throws Exception {
        var deliveryId = UUID.randomUUID().toString();

        deliver("workflow_run", deliveryId, json.writeValueAsBytes(workflowRun()), null)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("X-Hub-Signature-256 is missing"));
        assertThat(deliveriesRecorded(deliveryId)).isZero();
    }

    @Test
    void a_replayed_delivery_is_refused_with_409_and_has_one_effect() throws Exception {
        var deliveryId = UUID.randomUUID().toString();
        var body = json.writeValueAsBytes(workflowRun());

        deliverSigned("workflow_run", deliveryId, body).andExpect(status().isAccepted());
        deliverSigned("workflow_run", deliveryId, body)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/replayed-delivery"));

        assertThat(pipelineEventsFor(deliveryId)).isEqualTo(1);
        assertThat(deliveriesRecorded(deliveryId)).isEqualTo(1);
    }

    @Test
    void runs_not_completed_or_on_another_branch_are_ignored() throws Exception {
        var inProgress = workflowRun().put("action", "in_progress");
        var otherBranch = workflowRun();
        ((ObjectNode) otherBranch.get("workflow_run")).put("head_branch", "feature/login");
        var otherBranchFailed = workflowRun();
        ((ObjectNode) otherBranchFailed.get("workflow_run")).put("head_branch", "feature/login").put("conclusion",
                "failure");

        for (var payload : new ObjectNode[] { inProgress, otherBranch, otherBranchFailed }) {
            var deliveryId = UUID.randomUUID().toString();
            deliverSigned("workflow_run", deliveryId, json.writeValueAsBytes(payload))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.outcome").value("ignored"))
                    .andExpect(jsonPath("$.reason").isNotEmpty());
            assertThat(pipelineEventsFor(deliveryId)).isZero();
            assertThat(deliveriesRecorded(deliveryId)).isEqualTo(1);
        }
    }

    @Test
    void other_events_are_ignored_and_ping_answers_200() throws Exception {
        var push = UUID.randomUUID().toString();
        deliverSigned("push", push, json.writeValueAsBytes(workflowRun()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("ignored"));
        deliverSigned("ping", UUID.randomUUID().toString(), json.writeValueAsBytes(json.createObjectNode()
                        .put("zen", "Design for failure.")
                        .set("repository", json.createObjectNode().put("full_name", service.repository()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("pong"));
        assertThat(pipelineEventsFor(push)).isZero();
    }

    @Test
    void a_repository_outside_the_catalog_is_answered_as_failed_so_github_can_redeliver_and_nothing_is_written()
            throws Exception {
        var deliveryId = UUID.randomUUID().toString();
        var payload = workflowRun();
        ((ObjectNode) payload.get("repository")).put("full_name", "octo-org/not-catalogued-" + deliveryId);

        deliver("workflow_run", deliveryId, json.writeValueAsBytes(payload), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/unknown-repository"))
                .andExpect(jsonPath("$.title").value("Repository not in the catalog"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not in the catalog")));
        assertThat(deliveriesRecorded(deliveryId)).isZero();
        assertThat(pipelineEventsFor(deliveryId)).isZero();
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() throws Exception {
        var body = "{not json".getBytes();
        deliver("workflow_run", UUID.randomUUID().toString(), body, HmacSha256.sign(service.secret(), body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            non-ASCII event               | workflow_rün    | d-1                     | X-GitHub-Event must be a GitHub event name
            control character in event    | workflow\trun     | d-2                     | X-GitHub-Event must be a GitHub event name
            non-ASCII delivery id         | workflow_run       | délivery                | X-GitHub-Delivery must be 1 to 200 printable ASCII characters
            delivery id over 200 chars    | workflow_run       | LONG                    | X-GitHub-Delivery must be 1 to 200 printable ASCII characters
            """)
    void headers_that_github_never_sends_are_a_400_problem_and_nothing_is_written(String what, String event,
            String deliveryId, String detail) throws Exception {
        var id = deliveryId.equals("LONG") ? "d".repeat(201) : deliveryId + "-" + UUID.randomUUID();
        var body = json.writeValueAsBytes(workflowRun());

        deliverSigned(event.replace("\\t", "\t"), id, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(detail)));
        assertThat(deliveriesRecorded(id)).isZero();
        assertThat(pipelineEventsFor(id)).isZero();
    }

    @Test
    void a_nul_character_in_the_repository_name_is_a_400_problem_even_without_a_signature() throws Exception {
        var deliveryId = UUID.randomUUID().toString();
        var payload = workflowRun();
        ((ObjectNode) payload.get("repository")).put("full_name", "octo-org/\u0000repo");

        deliver("workflow_run", deliveryId, json.writeValueAsBytes(payload), null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("'repository.full_name' must not contain the NUL character (U+0000)"));
        assertThat(deliveriesRecorded(deliveryId)).isZero();
    }

    @Test
    void a_payload_of_the_wrong_shape_is_described_without_java_names() throws Exception {
        var body = "{\"repository\":{\"full_name\":42},\"workflow_run\":[]}".getBytes();
        deliver("workflow_run", UUID.randomUUID().toString(), body, HmacSha256.sign(service.secret(), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'repository.full_name' must be a string"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("$"))));
    }
}
