package io.passerelle.integrationservice.cdeventsin.adapter.web;

import static io.passerelle.platform.web.ProblemDetailsAdvice.problem;

import java.util.Map;

import io.passerelle.integrationservice.cdeventsin.InvalidCdEventException;
import io.passerelle.integrationservice.cdeventsin.UnauthenticatedSenderException;
import io.passerelle.integrationservice.cdeventsin.UnknownServiceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for the CDEvents intake's refusals: no sender's token (401), not a CDEvent of its schema (422
 * {@code invalid-cdevent}, {@code pointer} naming the field, {@code errors} every violation), a service or environment
 * not in the catalog (422 {@code unknown-service}: the sender shows it failed and can send it again), neither
 * content mode (415).
 */
@RestControllerAdvice(assignableTypes = CdEventWebhookController.class)
class CdEventWebhookProblems {

    @ExceptionHandler(UnauthenticatedSenderException.class)
    ProblemDetail unauthenticated(UnauthenticatedSenderException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", e.getMessage());
    }

    @ExceptionHandler(UnknownServiceException.class)
    ProblemDetail unknownService(UnknownServiceException e) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-service", "Service not in the catalog",
                e.getMessage());
        problem.setProperty("pointer", e.pointer());
        return problem;
    }

    @ExceptionHandler(InvalidCdEventException.class)
    ProblemDetail invalid(InvalidCdEventException e) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-cdevent", "Invalid CDEvent",
                e.getMessage());
        problem.setProperty("pointer", e.pointer());
        if (e instanceof SchemaViolationException violation) {
            problem.setProperty("errors", violation.violations().stream()
                    .map(v -> Map.of("pointer", v.pointer(), "detail", v.message())).toList());
        }
        return problem;
    }

    @ExceptionHandler(UnsupportedContentTypeException.class)
    ProblemDetail unsupported(UnsupportedContentTypeException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                e.getMessage());
    }
}
