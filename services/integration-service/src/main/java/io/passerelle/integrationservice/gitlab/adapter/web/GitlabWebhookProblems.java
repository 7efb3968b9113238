package io.passerelle.integrationservice.gitlab.adapter.web;

import java.net.URI;

import io.passerelle.integrationservice.gitlab.InvalidTokenException;
import io.passerelle.integrationservice.gitlab.UnknownProjectException;
import io.passerelle.platform.web.ProblemDetailsAdvice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for the GitLab intake's refusals: a wrong token (401) and an unknown project (503 with
 * {@code Retry-After}: GitLab shows the hook as failed and its auto-disabling treats a 5xx as temporary, ADR 0022).
 */
@RestControllerAdvice(assignableTypes = GitlabWebhookController.class)
class GitlabWebhookProblems {

    static final String RETRY_AFTER_SECONDS = "60";

    @ExceptionHandler(InvalidTokenException.class)
    ProblemDetail invalidToken(InvalidTokenException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", e.getMessage());
    }

    @ExceptionHandler(UnknownProjectException.class)
    ResponseEntity<ProblemDetail> unknownProject(UnknownProjectException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unknown-project", "Project not in the catalog",
                        e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
