package io.passerelle.integrationservice.pipelinerun.adapter.web;

import java.net.URI;

import io.passerelle.integrationservice.pipelinerun.IdempotencyKeyReusedException;
import io.passerelle.platform.web.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** problem+json for a key used again with another run (422). */
@RestControllerAdvice(assignableTypes = PipelineRunController.class)
class PipelineRunProblems {

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail reused(IdempotencyKeyReusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_BASE + "idempotency-key-reused"));
        problem.setTitle("Idempotency key reused");
        return problem;
    }
}
