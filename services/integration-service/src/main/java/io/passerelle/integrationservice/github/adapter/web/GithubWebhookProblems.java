package io.passerelle.integrationservice.github.adapter.web;

import java.net.URI;

import io.passerelle.integrationservice.github.InvalidSignatureException;
import io.passerelle.integrationservice.github.ReplayedDeliveryException;
import io.passerelle.integrationservice.github.UnknownRepositoryException;
import io.passerelle.platform.web.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for the refusals specific to signed webhooks, and for a repository outside the catalog (422: GitHub
 * shows the delivery as failed, to be redelivered once the service is registered; ADR 0022).
 */
@RestControllerAdvice(assignableTypes = GithubWebhookController.class)
class GithubWebhookProblems {

    @ExceptionHandler(InvalidSignatureException.class)
    ProblemDetail invalidSignature(InvalidSignatureException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", e.getMessage());
    }

    @ExceptionHandler(ReplayedDeliveryException.class)
    ProblemDetail replayed(ReplayedDeliveryException e) {
        return problem(HttpStatus.CONFLICT, "replayed-delivery", "Replayed delivery", e.getMessage());
    }

    @ExceptionHandler(UnknownRepositoryException.class)
    ProblemDetail unknownRepository(UnknownRepositoryException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-repository", "Repository not in the catalog",
                e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
