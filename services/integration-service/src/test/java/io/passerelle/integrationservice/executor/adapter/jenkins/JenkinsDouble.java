package io.passerelle.integrationservice.executor.adapter.jenkins;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.passerelle.integrationservice.executor.ApiDescription;
import io.passerelle.integrationservice.executor.VendorApiDouble;
import io.passerelle.integrationservice.executor.VendorApiDouble.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * A double of Jenkins' remote access API on 127.0.0.1 that checks every request against Jenkins' documented
 * endpoints (vendor-api/jenkins) and answers as Jenkins does: a crumb with its session cookie (CSRF protection on
 * unless {@link #csrfProtection} is off), {@code deploy/payments} queued as item 311 (waiting once, then build #12),
 * the build running once, then ending with {@link #result}. Its answers point to {@code http://<host>:<port>}, the
 * name Jenkins is configured with.
 */
public final class JenkinsDouble implements AutoCloseable {

    public static final String TOKEN = "11a0e8f3c4b5d6e7f8a9b0c1d2e3f4a5b6";
    static final String CRUMB = "4f3bd5f7c1e0a4d28e9a1b2c3d4e5f60";
    static final String SESSION = "JSESSIONID.5c1f2a3b=node01a2b3c4d5e6f7";
    static final JsonMapper JSON = JsonMapper.builder().build();

    public final VendorApiDouble api = new VendorApiDouble(ApiDescription.load(
            "jenkins/remote-access-api.openapi.json"));
    private final String host;
    public volatile boolean csrfProtection = true;
    public volatile boolean cancelled;
    public volatile String result = "SUCCESS";
    volatile int queuePolls;
    volatile int buildPolls;

    /** @param host the name Jenkins' answers point to */
    public JenkinsDouble(String host) {
        this.host = host;
        api.on("GET", "/crumbIssuer/api/json", request -> {
            if (!authenticated(request)) {
                return unauthorized();
            }
            return csrfProtection ? new Response(200, Map.of("Content-Type", "application/json;charset=utf-8",
                    "Set-Cookie", SESSION + "; Path=/; HttpOnly"), "{\"_class\":\"hudson.security.csrf"
                            + ".DefaultCrumbIssuer\",\"crumb\":\"" + CRUMB + "\",\"crumbRequestField\":\"Jenkins-Crumb\"}")
                    : html(404, "Not Found");
        });
        api.on("POST", "/job/{jobPath}/buildWithParameters", request -> {
            if (!authenticated(request)) {
                return unauthorized();
            }
            if (csrfProtection && (!CRUMB.equals(request.header("Jenkins-Crumb"))
                    || !SESSION.equals(request.header("Cookie")))) {
                return html(403, "HTTP ERROR 403 No valid crumb was included in the request");
            }
            if (!request.pathParameters().get("jobPath").equals("deploy/job/payments")) {
                return html(404, "Not Found");
            }
            return new Response(201, Map.of("Location", base() + "/queue/item/311/"), "");
        });
        api.on("GET", "/queue/item/{id}/api/json", request -> {
            if (!authenticated(request)) {
                return unauthorized();
            }
            var item = JSON.createObjectNode().put("id", 311).put("url", "queue/item/311/");
            if (cancelled) {
                item.put("_class", "hudson.model.Queue$LeftItem").put("cancelled", true).putNull("executable");
            } else if (queuePolls++ == 0) {
                item.put("_class", "hudson.model.Queue$BuildableItem").put("buildable", true)
                        .put("why", "Waiting for next available executor");
            } else {
                item.put("_class", "hudson.model.Queue$LeftItem").put("cancelled", false).putObject("executable")
                        .put("_class", "org.jenkinsci.plugins.workflow.job.WorkflowRun").put("number", 12)
                        .put("url", base() + "/job/deploy/job/payments/12/");
            }
            return Response.json(200, item.toString());
        });
        api.on("GET", "/job/{jobPath}/{number}/api/json", request -> {
            if (!authenticated(request)) {
                return unauthorized();
            }
            var building = buildPolls++ == 0;
            var build = JSON.createObjectNode().put("_class", "org.jenkinsci.plugins.workflow.job.WorkflowRun")
                    .put("number", 12).put("url", base() + "/job/deploy/job/payments/12/").put("building", building)
                    .put("displayName", "#12").put("duration", building ? 0 : 48211);
            if (building) {
                build.putNull("result");
            } else {
                build.put("result", result);
            }
            return Response.json(200, build.toString());
        });
    }

    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
    }

    /** Jenkins' root URL, as it is configured. */
    public String base() {
        return "http://" + host + ":" + api.port();
    }

    private static boolean authenticated(VendorApiDouble.Request request) {
        return ("Basic " + Base64.getEncoder().encodeToString(("passerelle:" + TOKEN)
                .getBytes(StandardCharsets.UTF_8))).equals(request.header("Authorization"));
    }

    private static Response unauthorized() {
        return new Response(401, Map.of("WWW-Authenticate", "Basic realm=\"Jenkins\"", "Content-Type",
                "text/html;charset=utf-8"), "<html><body>Invalid password/token for user: passerelle</body></html>");
    }

    private static Response html(int status, String message) {
        return new Response(status, Map.of("Content-Type", "text/html;charset=utf-8"), "<html><head><title>Error "
                + status + "</title></head><body><h2>" + message + "</h2></body></html>");
    }
}
