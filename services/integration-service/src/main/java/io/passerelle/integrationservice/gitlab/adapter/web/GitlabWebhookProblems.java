package io.passerelle.integrationservice.gitlab.adapter.web;

import static io.passerelle.platform.web.ProblemDetailsAdvice.problem;

import io.passerelle.integrationservice.gitlab.InvalidTokenException;
import io.passerelle.integrationservice.gitlab.UnknownProjectException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for the GitLab intake's refusals: a wrong token (401) and an unknown project (422, as GitHub's intake
 * answers an unknown repository: GitLab shows the hook as failed and it can be sent again; ADR 0022).
 */
@RestControllerAdvice(assignableTypes = GitlabWebhookController.class)
class GitlabWebhookProblems {

    @ExceptionHandler(InvalidTokenException.class)
    ProblemDetail invalidToken(InvalidTokenException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", e.getMessage());
    }

    @ExceptionHandler(UnknownProjectException.class)
    ProblemDetail unknownProject(UnknownProjectException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-project", "Project not in the catalog",
                e.getMessage());
    }
}
