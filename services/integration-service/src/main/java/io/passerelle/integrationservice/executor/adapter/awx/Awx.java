package io.passerelle.integrationservice.executor.adapter.awx;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Called;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Started;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.platform.outbound.PinnedHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AWX's (Ansible Automation Platform controller's) API v2 with a bearer token. Start: {@code GET
 * /v2/job_templates/{id}/launch/} first, because AWX does not refuse extra variables a template does not prompt for:
 * it launches the job without them and lists them in {@code ignored_fields}; a template that neither prompts for
 * variables nor has a survey is refused before anything runs. Then {@code POST} the same URL with the deployment as
 * {@code extra_vars} ({@code passerelle_*}); AWX answers 201 and the job. Follow: {@code GET /v2/jobs/{id}/}, its
 * {@code status}. Refusals: 400 (a survey's {@code variables_needed_to_start}, passwords or an inventory needed to
 * start), 401 a token AWX does not take, 403 no Execute permission on the template, 404 no such template.
 */
public final class Awx {

    private final VendorCalls calls;
    private final JsonMapper json;

    public Awx(VendorCalls calls, JsonMapper json) {
        this.calls = calls;
        this.json = json;
    }

    public Started<AwxJob> start(AwxJobTemplate template, String token, DeployCall call, BooleanSupplier begin) {
        var variables = new LinkedHashMap<String, String>();
        variables.put("passerelle_deployment_id", call.deploymentId().toString());
        variables.put("passerelle_change_id", call.changeId().toString());
        variables.put("passerelle_service", call.service());
        variables.put("passerelle_environment", call.environment());
        variables.put("passerelle_version", call.version());
        variables.put("passerelle_commit_sha", call.commitSha());
        var launch = "/v2/job_templates/" + template.id() + "/launch/";
        var called = calls.run(template.apiUrl(), begin, session -> {
            var configuration = session.send("GET", session.url(launch), VendorCalls.bearer(token, false), null);
            if (configuration.status() != 200) {
                throw new VendorCalls.Stop(refusal(template, configuration));
            }
            var prompts = read(configuration);
            if (!prompts.path("ask_variables_on_launch").asBoolean(false)
                    && !prompts.path("survey_enabled").asBoolean(false)) {
                throw new VendorCalls.Stop(new CallOutcome.Refused("job template " + template.id() + " takes no extra"
                        + " variables on launch: AWX would run it without the deployment's; enable 'Prompt on launch'"
                        + " for its Variables"));
            }
            var answer = session.send("POST", session.url(launch), VendorCalls.bearer(token, true),
                    json.writeValueAsBytes(Map.of("extra_vars", variables)));
            if (answer.status() != 201) {
                throw new VendorCalls.Stop(refusal(template, answer));
            }
            var job = read(answer);
            if (!job.path("job").isNumber()) {
                throw new VendorCalls.Stop(new CallOutcome.Refused("answered 201 without a job id"));
            }
            if (job.path("ignored_fields").has("extra_vars")) {
                throw new VendorCalls.Stop(new CallOutcome.Refused("launched job " + job.path("job").asLong()
                        + " but ignored the deployment's extra variables: enable 'Prompt on launch' for the"
                        + " template's Variables"));
            }
            return Started.accepted(201, new AwxJob(job.path("job").asLong(), call.deploymentId()));
        });
        return Started.of(called);
    }

    public Called<AwxStatus> follow(AwxJobTemplate template, String token, AwxJob job) {
        return calls.run(template.apiUrl(), () -> true, session -> {
            var answer = session.send("GET", session.url("/v2/jobs/" + job.id() + "/"), VendorCalls.bearer(token, false), null);
            if (answer.status() == 404) {
                return new AwxStatus.Failed("AWX no longer has job " + job.id());
            }
            if (answer.status() != 200) {
                throw new VendorCalls.Stop(refusal(template, answer));
            }
            var read = read(answer);
            var status = read.path("status").asString();
            var explanation = read.path("job_explanation").isString() ? read.path("job_explanation").asString() : "";
            return switch (status) {
                case "successful" -> new AwxStatus.Succeeded(job.id());
                case "failed", "error", "canceled" -> new AwxStatus.Failed("job " + job.id() + " " + status
                        + (explanation.isEmpty() ? "" : ": " + explanation));
                default -> new AwxStatus.Running(status);
            };
        });
    }


    private JsonNode read(PinnedHttpClient.Answer answer) throws VendorCalls.Stop {
        return VendorCalls.parsed(answer, json::readTree);
    }

    /** AWX's errors are Django REST framework's: {@code {"detail": …}} or {@code {"<field>": [messages]}}. */
    private CallOutcome refusal(AwxJobTemplate template, PinnedHttpClient.Answer answer) {
        var detail = VendorCalls.parsedOr(answer, body -> {
            var read = json.readTree(body);
            return read.path("detail").isString() ? read.path("detail").asString() : read.toString();
        }, new String(answer.body(), StandardCharsets.UTF_8));
        var said = "HTTP " + answer.status() + (detail.isBlank() ? "" : ": " + detail);
        return switch (answer.status()) {
            case 400 -> new CallOutcome.Refused("refused to launch job template " + template.id() + " (" + said + ")");
            case 401 -> new CallOutcome.Refused("refused the token (" + said + ")");
            case 403 -> new CallOutcome.Refused("denied the token launching job template " + template.id() + " ("
                    + said + "): its user needs the Execute role on the template");
            case 404 -> new CallOutcome.Refused("has no job template " + template.id() + " the token can see (" + said
                    + ")");
            default -> new CallOutcome.Refused("answered " + said);
        };
    }
}
