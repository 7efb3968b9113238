package io.passerelle.integrationservice.executor.adapter.awx;

import java.util.Deque;
import java.util.List;

import io.passerelle.integrationservice.executor.ApiDescription;
import io.passerelle.integrationservice.executor.VendorApiDouble;
import io.passerelle.integrationservice.executor.VendorApiDouble.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * A double of AWX's API v2 on 127.0.0.1 that checks every request against the launch and job endpoints' schema
 * (vendor-api/awx) and answers as AWX does: launch configurations, surveys, ignored fields, Django REST framework
 * errors, and job 4711 going through {@link #statuses} (one (status, job_explanation) per look, the last repeating).
 */
public final class AwxDouble implements AutoCloseable {

    public static final String TOKEN = "awx-oauth2-token";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The double's job templates: 7 prompts for variables, 8 does not, 9 and 11 have surveys, 10 is not permitted. */
    public static final long PROMPTS = 7;
    static final long NO_PROMPT = 8;
    static final long REQUIRED_SURVEY = 9;
    static final long NOT_PERMITTED = 10;
    static final long SURVEY_ONLY = 11;

    public final VendorApiDouble api = new VendorApiDouble(ApiDescription.load("awx/api-v2.openapi.json"));
    public final Deque<String[]> statuses = new java.util.concurrent.ConcurrentLinkedDeque<>();

    public AwxDouble() {
        api.on("GET", "/api/v2/job_templates/{id}/launch/", request -> {
            var refused = refusal(request);
            if (refused != null) {
                return refused;
            }
            var id = Long.parseLong(request.pathParameters().get("id"));
            var configuration = JSON.createObjectNode().put("can_start_without_user_input", id != REQUIRED_SURVEY)
                    .put("ask_variables_on_launch", id == PROMPTS)
                    .put("survey_enabled", id == REQUIRED_SURVEY || id == SURVEY_ONLY)
                    .put("credential_needed_to_start", false).put("inventory_needed_to_start", false);
            configuration.putArray("passwords_needed_to_start");
            var needed = configuration.putArray("variables_needed_to_start");
            if (id == REQUIRED_SURVEY) {
                needed.add("approver");
            }
            configuration.putObject("job_template_data").put("name", "deploy payments").put("id", id)
                    .put("description", "");
            return Response.json(200, configuration.toString());
        });
        api.on("POST", "/api/v2/job_templates/{id}/launch/", request -> {
            var refused = refusal(request);
            if (refused != null) {
                return refused;
            }
            var id = Long.parseLong(request.pathParameters().get("id"));
            if (id == REQUIRED_SURVEY) {
                return Response.json(400, "{\"variables_needed_to_start\":[\"'approver' value missing\"]}");
            }
            var launched = JSON.createObjectNode().put("job", 4711).put("id", 4711).put("type", "job")
                    .put("url", "/api/v2/jobs/4711/").put("status", "pending");
            var ignored = launched.putObject("ignored_fields");
            if (id != PROMPTS) { // only a survey's own variables are taken
                ignored.set("extra_vars", request.fields().path("extra_vars"));
            }
            return new Response(201, java.util.Map.of("Content-Type", "application/json", "Location",
                    "/api/v2/jobs/4711/"), launched.toString());
        });
        api.on("GET", "/api/v2/jobs/{id}/", request -> {
            var refused = refusal(request);
            if (refused != null) {
                return refused;
            }
            if (!request.pathParameters().get("id").equals("4711")) {
                return Response.json(404, "{\"detail\":\"Not found.\"}");
            }
            var step = statuses.size() > 1 ? statuses.poll() : statuses.peek();
            var job = JSON.createObjectNode().put("id", 4711).put("type", "job").put("url", "/api/v2/jobs/4711/")
                    .put("name", "deploy payments").put("status", step[0])
                    .put("failed", List.of("failed", "error", "canceled").contains(step[0]))
                    .put("job_explanation", step[1]).put("extra_vars", "{}");
            return Response.json(200, job.toString());
        });
    }

    /** The job's statuses, in order. */
    public AwxDouble then(String status, String explanation) {
        statuses.add(new String[] { status, explanation });
        return this;
    }

    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
    }

    private static Response refusal(VendorApiDouble.Request request) {
        if (!("Bearer " + TOKEN).equals(request.header("Authorization"))) {
            return Response.json(401, "{\"detail\":\"Authentication credentials were not provided. To establish a"
                    + " login session, visit /api/login/.\"}");
        }
        if (request.path().startsWith("/api/v2/job_templates/")) {
            var id = Long.parseLong(request.pathParameters().get("id"));
            if (id == NOT_PERMITTED) {
                return Response.json(403, "{\"detail\":\"You do not have permission to perform this action.\"}");
            }
            if (id > SURVEY_ONLY) {
                return Response.json(404, "{\"detail\":\"Not found.\"}");
            }
        }
        return null;
    }
}
