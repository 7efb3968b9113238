package io.passerelle.integrationservice.alert.adapter.web;

import static io.passerelle.platform.web.ProblemDetailsAdvice.problem;

import io.passerelle.integrationservice.alert.ReplayedNotificationException;
import io.passerelle.integrationservice.alert.UnauthenticatedNotificationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** problem+json for the refusals specific to the Grafana webhook. */
@RestControllerAdvice(assignableTypes = GrafanaWebhookController.class)
class AlertWebhookProblems {

    @ExceptionHandler(UnauthenticatedNotificationException.class)
    ProblemDetail unauthenticated(UnauthenticatedNotificationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", e.getMessage());
    }

    @ExceptionHandler(ReplayedNotificationException.class)
    ProblemDetail replayed(ReplayedNotificationException e) {
        return problem(HttpStatus.CONFLICT, "replayed-delivery", "Replayed delivery", e.getMessage());
    }

    @ExceptionHandler(NotJsonException.class)
    ProblemDetail notJson(NotJsonException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                e.getMessage());
    }
}
