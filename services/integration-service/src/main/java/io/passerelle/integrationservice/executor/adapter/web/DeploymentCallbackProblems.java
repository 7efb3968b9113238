package io.passerelle.integrationservice.executor.adapter.web;

import static io.passerelle.platform.web.ProblemDetailsAdvice.problem;

import io.passerelle.integrationservice.executor.CallbackRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for the refusals specific to deployment outcomes (docs/problems.md): the webhook's callback, Argo CD's
 * notifications, GitHub's {@code deployment_status} (whichever controller takes them).
 */
@RestControllerAdvice
class DeploymentCallbackProblems {

    @ExceptionHandler(CallbackRefusedException.class)
    ProblemDetail refused(CallbackRefusedException e) {
        return switch (e.kind()) {
            case UNSIGNED, STALE -> problem(HttpStatus.UNAUTHORIZED, "callback-signature", "Callback signature",
                    e.getMessage());
            case FORGED -> problem(HttpStatus.FORBIDDEN, "callback-signature", "Callback signature", e.getMessage());
            case REPLAYED -> problem(HttpStatus.CONFLICT, "replayed-delivery", "Replayed delivery", e.getMessage());
            case OTHER_OUTCOME, OTHER_EXECUTOR -> problem(HttpStatus.CONFLICT, "state-conflict",
                    "Not allowed in the current state", e.getMessage());
            case TIMED_OUT -> problem(HttpStatus.CONFLICT, "deployment-timed-out", "Deployment timed out",
                    e.getMessage());
        };
    }
}
