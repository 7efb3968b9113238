package io.passerelle.integrationservice.executor.adapter.jenkins;

import static io.passerelle.integrationservice.executor.VendorTestbed.CALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.passerelle.integrationservice.executor.ApiDescription;
import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Called;
import io.passerelle.integrationservice.executor.VendorApiDouble;
import io.passerelle.integrationservice.executor.VendorApiDouble.Response;
import io.passerelle.integrationservice.executor.VendorTestbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jenkins client against a double of Jenkins' remote access API that checks every request against the
 * documented endpoints (vendor-api/jenkins) and answers as Jenkins does: crumbs bound to a session, 201 and the queue
 * item, a queue item that waits then starts a build (or is cancelled), and the build's result.
 */
class JenkinsTest {

    static final String TOKEN = JenkinsDouble.TOKEN;
    static final JsonMapper JSON = JsonMapper.builder().build();

    final JenkinsDouble double_ = new JenkinsDouble("jenkins.test");
    final VendorApiDouble jenkins = double_.api;
    final VendorTestbed bed = new VendorTestbed("jenkins", Duration.ofSeconds(3));
    final Jenkins client = new Jenkins(bed.calls, JSON);
    final JenkinsJob job = new JenkinsJob(bed.url(jenkins), "deploy/payments", "passerelle");

    @AfterEach
    void conforms() {
        jenkins.close();
        assertThat(jenkins.violations()).as("requests the documented endpoints do not allow").isEmpty();
    }

    @Test
    void a_build_is_queued_with_a_crumb_and_followed_from_its_queue_item_to_its_successful_build() {
        var started = client.start(job, TOKEN, CALL, () -> true);

        assertThat(started.outcome()).isEqualTo(new CallOutcome.Accepted(201));
        var queued = new JenkinsBuild(base() + "/queue/item/311/", null, CALL.deploymentId());
        assertThat(started.reference()).isEqualTo(queued);
        var trigger = jenkins.received().get(1);
        assertThat(trigger.fields().path("PASSERELLE_COMMIT_SHA").asString()).isEqualTo(CALL.commitSha());
        assertThat(trigger.fields().path("PASSERELLE_DEPLOYMENT_ID").asString())
                .isEqualTo(CALL.deploymentId().toString());
        assertThat(trigger.fields().toString()).doesNotContain(CALL.callbackToken());

        var waiting = client.follow(job, TOKEN, queued);
        assertThat(waiting).isEqualTo(new Called.Answered<>(new JenkinsStatus.Running(queued,
                "queued: Waiting for next available executor")));
        var building = new JenkinsBuild(queued.queueItemUrl(), base() + "/job/deploy/job/payments/12/",
                CALL.deploymentId());
        assertThat(client.follow(job, TOKEN, queued)).isEqualTo(new Called.Answered<>(new JenkinsStatus.Running(
                building, "build #12 running")));
        assertThat(client.follow(job, TOKEN, building)).isEqualTo(new Called.Answered<>(new JenkinsStatus.Succeeded(
                building.buildUrl())));
    }

    @Test
    void without_csrf_protection_the_build_is_queued_without_a_crumb() {
        double_.csrfProtection = false;

        assertThat(client.start(job, TOKEN, CALL, () -> true).outcome()).isEqualTo(new CallOutcome.Accepted(201));
        assertThat(jenkins.received().get(1).header("Jenkins-Crumb")).isNull();
    }

    @Test
    void unstable_failed_aborted_and_not_built_builds_fail_the_deployment_naming_the_build() {
        var building = new JenkinsBuild(base() + "/queue/item/311/", base() + "/job/deploy/job/payments/12/",
                CALL.deploymentId());
        for (var outcome : new String[] { "UNSTABLE", "FAILURE", "ABORTED", "NOT_BUILT" }) {
            double_.result = outcome;
            double_.buildPolls = 1;

            assertThat(client.follow(job, TOKEN, building)).isEqualTo(new Called.Answered<>(new JenkinsStatus.Failed(
                    "build #12 ended " + outcome + ": " + building.buildUrl() + "console")));
        }
    }

    @Test
    void a_queue_item_cancelled_before_its_build_started_fails_the_deployment() {
        double_.cancelled = true;

        assertThat(client.follow(job, TOKEN, new JenkinsBuild(base() + "/queue/item/311/", null,
                CALL.deploymentId()))).isEqualTo(new Called.Answered<>(new JenkinsStatus.Failed(
                        "the build was cancelled while queued (" + base() + "/queue/item/311/)")));
    }

    @Test
    void jenkins_refusals_are_final_and_say_why() {
        assertThat(client.start(job, "revoked", CALL, () -> true).outcome()).isEqualTo(new CallOutcome.Refused(
                "refused passerelle's API token (HTTP 401 when asked for a crumb)"));
        assertThat(client.start(new JenkinsJob(job.url(), "deploy/ledger", "passerelle"), TOKEN, CALL, () -> true)
                .outcome()).isEqualTo(new CallOutcome.Refused("has no job deploy/ledger (HTTP 404 when asked to"
                        + " build)"));
    }

    @Test
    void the_double_refuses_a_build_without_a_crumb_as_jenkins_does_and_what_its_endpoints_do_not_allow()
            throws Exception {
        var http = HttpClient.newHttpClient();
        var auth = "Basic " + Base64.getEncoder().encodeToString(("passerelle:" + TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        var noCrumb = http.send(HttpRequest.newBuilder(URI.create(base().replace("jenkins.test", "127.0.0.1")
                + "/job/deploy/job/payments/buildWithParameters")).header("Authorization", auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("PASSERELLE_VERSION=1.4.2")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noCrumb.statusCode()).isEqualTo(403);
        assertThat(noCrumb.body()).contains("No valid crumb");

        var malformed = http.send(HttpRequest.newBuilder(URI.create(base().replace("jenkins.test", "127.0.0.1")
                + "/queue/item/latest/api/json")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(jenkins.violations()).containsExactly(
                "GET /queue/item/{id}/api/json: path parameter id 'latest' is not an integer",
                "GET /queue/item/{id}/api/json: no 'Basic' Authorization header, as security scheme basicAuth asks");
        jenkins.violations().clear();
    }

    private String base() {
        return bed.url(jenkins);
    }
}
