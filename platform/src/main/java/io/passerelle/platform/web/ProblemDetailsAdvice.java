package io.passerelle.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.stream.Collectors;

import io.passerelle.platform.domain.NotFoundException;
import jakarta.validation.ConstraintViolationException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.domain.NotPermittedException;
import io.passerelle.platform.domain.SegregationOfDutiesException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every error into RFC 9457 problem+json that says what is wrong. Problem types are URIs under
 * {@code https://passerelle.io/problems/} and documented in docs/problems.md.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    public static final String TYPE_BASE = "https://passerelle.io/problems/";

    private final ProblemWriter problems;

    ProblemDetailsAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolated(RuleViolationException e) {
        return switch (e.kind()) {
            case STATE_CONFLICT -> problem(HttpStatus.CONFLICT, "state-conflict", "Not allowed in the current state",
                    e.getMessage());
            case UNPROCESSABLE -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", "Business rule violated",
                    e.getMessage());
        };
    }

    @ExceptionHandler(SegregationOfDutiesException.class)
    ProblemDetail segregationOfDuties(SegregationOfDutiesException e) {
        return problem(HttpStatus.FORBIDDEN, "segregation-of-duties", "Segregation of duties", e.getMessage());
    }

    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail notPermitted(NotPermittedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your roles do not allow this operation");
    }

    /** Constraints on query and path parameters (generated interfaces are {@code @Validated}). */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        var detail = e.getConstraintViolations().stream()
                .map(v -> parameterName(v.getPropertyPath().toString()) + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    /** {@code listIncidents.service} → {@code service}: callers know parameters, not Java methods. */
    private static String parameterName(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /**
     * Spring Security's firewall checks header values when they are read, which is inside the controller's argument
     * resolution: a header with bytes it refuses is the client's error, not ours.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail requestRejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "a header holds characters that are not allowed (control characters or bytes outside ASCII)");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    /** Anything unexpected: logged with its stack trace, answered without internals. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; it has been logged");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var detail = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (rootCause(ex) instanceof BodyTooLargeException tooLarge) {
            problem = problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                    tooLarge.getMessage());
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        var json = causeOfType(ex, JacksonException.class);
        problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", json != null
                ? JsonErrors.describe(json) : "request body is missing or is not valid JSON for this operation");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * The client accepts no representation we have, problem+json included: the problem is written all the same
     * (RFC 9110 allows ignoring Accept for an error), rather than an empty 406.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null) {
            try {
                problems.write(servlet.getResponse(), HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                        "this operation answers application/json (errors application/problem+json); "
                                + "the Accept header allows neither");
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return super.handleHttpMediaTypeNotAcceptable(ex, headers, status, request);
    }

    /**
     * The body could not be written in what {@code Accept} asks for, typically a charset other than UTF-8
     * ({@code application/json; charset=latin1}): that is a 406, written as a problem, not a 500.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotWritable(HttpMessageNotWritableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("charset")
                && request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && !servlet.getResponse().isCommitted()) {
            try {
                servlet.getResponse().reset();
                problems.write(servlet.getResponse(), HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                        "responses are JSON in UTF-8; the Accept header asks for another charset");
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return super.handleHttpMessageNotWritable(ex, headers, status, request);
    }

    /** A path or query parameter of the wrong type: named, with the type expected, without Java's words. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        var type = ex.getRequiredType();
        var expected = type == null ? "of another type" : type.isEnum() ? "one of the values the operation lists"
                : type == java.util.UUID.class ? "a UUID" : Number.class.isAssignableFrom(type) ? "a number"
                : "of another type";
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "parameter '" + name + "' must be " + expected);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A problem of type {@code TYPE_BASE + type}; the advice of each intake answers its own refusals with it. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, @Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static <T extends Throwable> @Nullable T causeOfType(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable t) {
        var cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
