package io.passerelle.integrationservice.github.adapter.web;

import static io.passerelle.platform.web.ProblemDetailsAdvice.problem;

import io.passerelle.integrationservice.github.InvalidSignatureException;
import io.passerelle.integrationservice.github.ReplayedDeliveryException;
import io.passerelle.integrationservice.github.UnknownRepositoryException;
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
}
