package io.passerelle.integrationservice.executor.adapter.githubdeployments;

import static io.passerelle.integrationservice.executor.VendorTestbed.CALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.passerelle.integrationservice.executor.ApiDescription;
import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.VendorApiDouble;
import io.passerelle.integrationservice.executor.VendorApiDouble.Response;
import io.passerelle.integrationservice.executor.VendorTestbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GitHub Deployments client against a double of GitHub's REST API that checks every request against GitHub's
 * REST API description (repos/create-deployment) and answers as GitHub does, refusals included.
 */
class GithubDeploymentsTest {

    static final String TOKEN = GithubDeploymentsDouble.TOKEN;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DOCS = GithubDeploymentsDouble.DOCS;

    final GithubDeploymentsDouble double_ = new GithubDeploymentsDouble(CALL.commitSha());
    final VendorApiDouble github = double_.api;
    final VendorTestbed bed = new VendorTestbed("github", Duration.ofSeconds(3));
    final GithubDeployments client = new GithubDeployments(bed.calls, JSON);
    final GithubEnvironment production = new GithubEnvironment(bed.url(github), "acme", "payments", "production");

    @AfterEach
    void conforms() {
        github.close();
        assertThat(github.violations()).as("requests the API description does not allow").isEmpty();
    }

    @Test
    void a_deployment_of_the_commit_is_created_in_the_environment_naming_passerelles_deployment_in_its_payload() {
        double_.behindDefaultBranch = true; // a merge would be attempted if auto_merge were left to GitHub's default

        var started = client.start(production, TOKEN, CALL, () -> true);

        assertThat(started.outcome()).isEqualTo(new CallOutcome.Accepted(201));
        assertThat(started.reference()).isEqualTo(new GithubDeployment("acme", "payments", 145988746L,
                CALL.deploymentId()));
        var request = github.received().getFirst();
        assertThat(request.fields().path("environment").asString()).isEqualTo("production");
        assertThat(request.fields().path("auto_merge").asBoolean(true)).isFalse();
        assertThat(request.fields().at("/payload/passerelle/deploymentId").asString())
                .isEqualTo(CALL.deploymentId().toString());
        assertThat(request.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(request.fields().toString()).doesNotContain(CALL.callbackToken());
    }

    @Test
    void githubs_refusals_are_final_and_say_why_and_a_rate_limit_is_worth_another_attempt() {
        assertThat(client.start(production, "expired", CALL, () -> true).outcome())
                .isEqualTo(new CallOutcome.Refused("refused the token (HTTP 401: Bad credentials)"));
        assertThat(client.start(new GithubEnvironment(production.apiUrl(), "acme", "ledger", "production"), TOKEN,
                CALL, () -> true).outcome()).isEqualTo(new CallOutcome.Refused("did not permit the token to deploy"
                        + " acme/ledger (HTTP 403: Resource not accessible by integration): it needs Deployments:"
                        + " write on the repository"));
        assertThat(client.start(new GithubEnvironment(production.apiUrl(), "acme", "busy", "production"), TOKEN,
                CALL, () -> true).outcome()).isEqualTo(new CallOutcome.Unavailable("rate-limited the token (HTTP 403:"
                        + " API rate limit exceeded for installation ID 4521.)"));
        double_.checksFailed = true;
        assertThat(client.start(production, TOKEN, CALL, () -> true).outcome()).isEqualTo(new CallOutcome.Refused(
                "refused to deploy the commit to production (HTTP 409: Conflict: Commit status checks failed for "
                        + CALL.commitSha() + ".)"));
        double_.knownCommit = "0000000000000000000000000000000000000000";
        assertThat(client.start(production, TOKEN, CALL, () -> true).outcome()).isEqualTo(new CallOutcome.Refused(
                "refused the deployment as invalid (HTTP 422: No ref found for: " + CALL.commitSha() + ")"));
    }

    @Test
    void a_github_api_url_the_outbound_guard_refuses_is_never_called() {
        var metadata = new GithubEnvironment("http://169.254.169.254", "acme", "payments", "production");

        assertThat(client.start(metadata, TOKEN, CALL, () -> true).outcome())
                .isInstanceOf(CallOutcome.NotCalled.class).asString().contains("cloud metadata");
        assertThat(github.received()).isEmpty();
    }

    @Test
    void the_double_refuses_a_deployment_the_description_does_not_allow() throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + github.port() + "/repos/acme/payments/deployments")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sha\": \"abc\", \"auto_merge\": \"false\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(github.violations()).anyMatch(v -> v.contains("ref")).anyMatch(v -> v.contains("auto_merge"))
                .anyMatch(v -> v.contains("sha is not in the description"));
        github.violations().clear();
    }
}
