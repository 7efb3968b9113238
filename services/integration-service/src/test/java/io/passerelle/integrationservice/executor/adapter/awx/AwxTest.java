package io.passerelle.integrationservice.executor.adapter.awx;

import static io.passerelle.integrationservice.executor.VendorTestbed.CALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Deque;
import java.util.List;

import io.passerelle.integrationservice.executor.ApiDescription;
import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Called;
import io.passerelle.integrationservice.executor.VendorApiDouble;
import io.passerelle.integrationservice.executor.VendorApiDouble.Response;
import io.passerelle.integrationservice.executor.VendorTestbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWX client against a double of AWX's API v2 that checks every request against the launch and job endpoints'
 * schema (vendor-api/awx) and answers as AWX does: launch configurations, surveys, ignored fields, Django REST
 * framework errors, and a job moving from pending to its final status.
 */
class AwxTest {

    static final String TOKEN = AwxDouble.TOKEN;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long PROMPTS = AwxDouble.PROMPTS;
    static final long NO_PROMPT = AwxDouble.NO_PROMPT;
    static final long REQUIRED_SURVEY = AwxDouble.REQUIRED_SURVEY;
    static final long NOT_PERMITTED = AwxDouble.NOT_PERMITTED;
    static final long SURVEY_ONLY = AwxDouble.SURVEY_ONLY;

    final AwxDouble double_ = new AwxDouble();
    final VendorApiDouble awx = double_.api;
    final VendorTestbed bed = new VendorTestbed("awx", Duration.ofSeconds(3));
    final Awx client = new Awx(bed.calls, JSON);
    final Deque<String[]> statuses = double_.statuses;

    @AfterEach
    void conforms() {
        awx.close();
        assertThat(awx.violations()).as("requests the API description does not allow").isEmpty();
    }

    AwxJobTemplate template(long id) {
        return new AwxJobTemplate(bed.url(awx) + "/api", id);
    }

    @Test
    void a_job_is_launched_with_the_deployment_as_extra_vars_and_followed_to_successful() {
        statuses.addAll(List.of(new String[] { "pending", "" }, new String[] { "running", "" },
                new String[] { "successful", "" }));

        var started = client.start(template(PROMPTS), TOKEN, CALL, () -> true);

        assertThat(started.outcome()).isEqualTo(new CallOutcome.Accepted(201));
        assertThat(started.reference()).isEqualTo(new AwxJob(4711, CALL.deploymentId()));
        JsonNode vars = awx.received().get(1).fields().path("extra_vars");
        assertThat(vars.path("passerelle_commit_sha").asString()).isEqualTo(CALL.commitSha());
        assertThat(vars.path("passerelle_deployment_id").asString()).isEqualTo(CALL.deploymentId().toString());
        assertThat(vars.toString()).doesNotContain(CALL.callbackToken());
        assertThat(client.follow(template(PROMPTS), TOKEN, started.reference()))
                .isEqualTo(new Called.Answered<>(new AwxStatus.Running("pending")));
        assertThat(client.follow(template(PROMPTS), TOKEN, started.reference()))
                .isEqualTo(new Called.Answered<>(new AwxStatus.Running("running")));
        assertThat(client.follow(template(PROMPTS), TOKEN, started.reference()))
                .isEqualTo(new Called.Answered<>(new AwxStatus.Succeeded(4711)));
    }

    @Test
    void failed_error_and_canceled_jobs_fail_the_deployment_with_awxs_explanation() {
        var job = new AwxJob(4711, CALL.deploymentId());
        for (var end : List.of(new String[] { "failed", "" },
                new String[] { "error", "Job terminated due to error" },
                new String[] { "canceled", "Previous Task Canceled: {\"job_type\": \"project_update\"}" })) {
            statuses.clear();
            statuses.add(end);

            assertThat(client.follow(template(PROMPTS), TOKEN, job)).isEqualTo(new Called.Answered<>(
                    new AwxStatus.Failed("job 4711 " + end[0] + (end[1].isEmpty() ? "" : ": " + end[1]))));
        }
        assertThat(client.follow(template(PROMPTS), TOKEN, new AwxJob(99, CALL.deploymentId())))
                .isEqualTo(new Called.Answered<>(new AwxStatus.Failed("AWX no longer has job 99")));
    }

    @Test
    void a_template_that_would_ignore_the_deployments_variables_is_refused_before_any_job_runs() {
        assertThat(client.start(template(NO_PROMPT), TOKEN, CALL, () -> true).outcome()).isEqualTo(
                new CallOutcome.Refused("job template 8 takes no extra variables on launch: AWX would run it without"
                        + " the deployment's; enable 'Prompt on launch' for its Variables"));
        assertThat(awx.received()).extracting(VendorApiDouble.Request::method).containsExactly("GET");
    }

    @Test
    void a_survey_that_drops_the_deployments_variables_is_refused_naming_the_job_launched() {
        assertThat(client.start(template(SURVEY_ONLY), TOKEN, CALL, () -> true).outcome()).isEqualTo(
                new CallOutcome.Refused("launched job 4711 but ignored the deployment's extra variables: enable"
                        + " 'Prompt on launch' for the template's Variables"));
    }

    @Test
    void awxs_refusals_are_final_and_say_why() {
        assertThat(client.start(template(REQUIRED_SURVEY), TOKEN, CALL, () -> true).outcome()).isEqualTo(
                new CallOutcome.Refused("refused to launch job template 9 (HTTP 400:"
                        + " {\"variables_needed_to_start\":[\"'approver' value missing\"]})"));
        assertThat(client.start(template(PROMPTS), "expired", CALL, () -> true).outcome()).isEqualTo(
                new CallOutcome.Refused("refused the token (HTTP 401: Authentication credentials were not"
                        + " provided. To establish a login session, visit /api/login/.)"));
        assertThat(client.start(template(NOT_PERMITTED), TOKEN, CALL, () -> true).outcome()).isEqualTo(
                new CallOutcome.Refused("denied the token launching job template 10 (HTTP 403: You do not have"
                        + " permission to perform this action.): its user needs the Execute role on the template"));
        assertThat(client.start(template(404), TOKEN, CALL, () -> true).outcome()).isEqualTo(
                new CallOutcome.Refused("has no job template 404 the token can see (HTTP 404: Not found.)"));
    }

    @Test
    void the_double_refuses_a_launch_the_description_does_not_allow() throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + awx.port() + "/api/v2/job_templates/0/launch/")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"extra_vars\": 3, \"extravars\": {}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(awx.violations()).anyMatch(v -> v.contains("path parameter id '0' is below 1"))
                .anyMatch(v -> v.contains("extra_vars")).anyMatch(v -> v.contains("extravars"));
        awx.violations().clear();
    }
}
