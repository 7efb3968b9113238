package io.passerelle.integrationservice.executor.adapter.jenkins;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Called;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Started;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.platform.outbound.PinnedHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jenkins' remote access API as a user with an API token (HTTP basic). Start: a crumb from
 * {@code /crumbIssuer/api/json} (none when Jenkins answers 404: CSRF protection off), sent under the header Jenkins
 * names, with the session cookie it came with; then {@code POST /job/<folder>/job/<name>/buildWithParameters} with
 * the deployment as form parameters ({@code PASSERELLE_*}); Jenkins answers 201 and the queue item in
 * {@code Location}. Follow: the queue item's {@code api/json} ({@code why} while it waits, {@code cancelled},
 * {@code executable} once a build started), then the build's ({@code building}, {@code result}). Refusals: 401 bad
 * credentials; 403 no valid crumb, or no Job/Build permission; 404 no such job; 400 a job that takes no parameters.
 */
public final class Jenkins {

    private final VendorCalls calls;
    private final JsonMapper json;

    public Jenkins(VendorCalls calls, JsonMapper json) {
        this.calls = calls;
        this.json = json;
    }

    public Started<JenkinsBuild> start(JenkinsJob job, String apiToken, DeployCall call, BooleanSupplier begin) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("PASSERELLE_DEPLOYMENT_ID", call.deploymentId().toString());
        parameters.put("PASSERELLE_CHANGE_ID", call.changeId().toString());
        parameters.put("PASSERELLE_SERVICE", call.service());
        parameters.put("PASSERELLE_ENVIRONMENT", call.environment());
        parameters.put("PASSERELLE_VERSION", call.version());
        parameters.put("PASSERELLE_COMMIT_SHA", call.commitSha());
        var form = parameters.entrySet().stream().map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        var called = calls.run(job.url(), begin, session -> {
            var headers = headers(job, apiToken);
            var crumb = session.send("GET", session.url("/crumbIssuer/api/json"), headers, null);
            if (crumb.status() == 200) {
                var issued = read(crumb);
                headers.put(issued.path("crumbRequestField").asString(), issued.path("crumb").asString());
                crumb.header("set-cookie").ifPresent(cookie -> headers.put("Cookie", cookie.split(";", 2)[0]));
            } else if (crumb.status() != 404) {
                throw new VendorCalls.Stop(refusal(job, crumb, "when asked for a crumb"));
            }
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            var queued = session.send("POST", session.url(jobPath(job) + "/buildWithParameters"), headers, form);
            if (queued.status() != 201) {
                throw new VendorCalls.Stop(refusal(job, queued, "when asked to build"));
            }
            var location = queued.header("location").orElseThrow(() -> new VendorCalls.Stop(
                    new CallOutcome.Refused("queued the build without saying where (no Location)")));
            return Started.accepted(201, new JenkinsBuild(location.endsWith("/") ? location : location + "/", null,
                    call.deploymentId()));
        });
        return Started.of(called);
    }

    public Called<JenkinsStatus> follow(JenkinsJob job, String apiToken, JenkinsBuild build) {
        return calls.run(job.url(), () -> true, session -> {
            var headers = headers(job, apiToken);
            var current = build;
            if (current.buildUrl() == null) {
                var answer = session.send("GET", current.queueItemUrl() + "api/json", headers, null);
                if (answer.status() == 404) {
                    return new JenkinsStatus.Failed("Jenkins no longer knows the queue item " + current.queueItemUrl()
                            + " and Passerelle never saw its build");
                }
                if (answer.status() != 200) {
                    throw new VendorCalls.Stop(refusal(job, answer, "when asked for the queue item"));
                }
                var item = read(answer);
                if (item.path("cancelled").asBoolean(false)) {
                    return new JenkinsStatus.Failed("the build was cancelled while queued (" + current.queueItemUrl()
                            + ")");
                }
                var executable = item.path("executable").path("url");
                if (!executable.isString()) {
                    var why = item.path("why");
                    return new JenkinsStatus.Running(current, "queued" + (why.isString() ? ": " + why.asString()
                            : ""));
                }
                var url = executable.asString();
                current = new JenkinsBuild(current.queueItemUrl(), url.endsWith("/") ? url : url + "/",
                        current.deploymentId());
            }
            var answer = session.send("GET", current.buildUrl() + "api/json", headers, null);
            if (answer.status() != 200) {
                throw new VendorCalls.Stop(refusal(job, answer, "when asked for the build"));
            }
            var run = read(answer);
            var name = "build #" + run.path("number").asLong();
            if (run.path("building").asBoolean(false) || !run.path("result").isString()) {
                return new JenkinsStatus.Running(current, name + " running");
            }
            var result = run.path("result").asString();
            return switch (result) {
                case "SUCCESS" -> new JenkinsStatus.Succeeded(current.buildUrl());
                case "UNSTABLE", "FAILURE", "ABORTED", "NOT_BUILT" -> new JenkinsStatus.Failed(name + " ended "
                        + result + ": " + current.buildUrl() + "console");
                default -> new JenkinsStatus.Failed(name + " ended with the unknown result " + result);
            };
        });
    }

    private static String jobPath(JenkinsJob job) {
        var path = new StringBuilder();
        for (var name : job.path().split("/")) {
            if (!name.isEmpty()) {
                path.append("/job/").append(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return path.toString();
    }

    private static Map<String, String> headers(JenkinsJob job, String apiToken) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((job.user() + ":" + apiToken)
                .getBytes(StandardCharsets.UTF_8)));
        headers.put("Accept", "application/json");
        return headers;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode read(PinnedHttpClient.Answer answer) throws VendorCalls.Stop {
        return VendorCalls.parsed(answer, json::readTree);
    }

    private static CallOutcome refusal(JenkinsJob job, PinnedHttpClient.Answer answer, String when) {
        var body = new String(answer.body(), StandardCharsets.UTF_8);
        var said = "HTTP " + answer.status() + " " + when;
        return switch (answer.status()) {
            case 401 -> new CallOutcome.Refused("refused " + job.user() + "'s API token (" + said + ")");
            case 403 -> body.toLowerCase(Locale.ROOT).contains("crumb")
                    ? new CallOutcome.Refused("refused the request's crumb (" + said + ": No valid crumb)")
                    : new CallOutcome.Refused("denied " + job.user() + " building " + job.path() + " (" + said
                            + "): the user needs Job/Build and Job/Read on the job");
            case 404 -> new CallOutcome.Refused("has no job " + job.path() + " (" + said + ")");
            case 400 -> new CallOutcome.Refused("refused to build " + job.path() + " with parameters (" + said
                    + "): the job must be parameterized");
            default -> new CallOutcome.Refused("answered " + said);
        };
    }
}
