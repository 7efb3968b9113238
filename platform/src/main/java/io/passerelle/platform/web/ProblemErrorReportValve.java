package io.passerelle.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error report (for what it refuses before Spring runs: a malformed path, {@code ?state[]=a}, a bad
 * header) as problem+json instead of an HTML page. Installed on the host by {@link WebConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var known = HttpStatus.resolve(status);
        var title = known == null ? "HTTP " + status : known.getReasonPhrase();
        var detail = status == 400 ? "the request line, a header or the query string is malformed"
                : status == 404 ? "nothing is served at this path" : title;
        var type = status < 500 ? (status == 404 ? "not-found" : "invalid-request") : "internal-error";
        var json = "{\"type\":\"" + ProblemDetailsAdvice.TYPE_BASE + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone: nothing to report to
        }
    }
}
