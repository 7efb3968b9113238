package io.passerelle.integrationservice.chataction.adapter.web;

import io.passerelle.integrationservice.chataction.ReplayedChatRequestException;
import io.passerelle.integrationservice.chataction.UnauthenticatedChatRequestException;
import io.passerelle.platform.web.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** problem+json for the refusals specific to the chat action webhooks. */
@RestControllerAdvice(assignableTypes = { SlackActionsController.class, MattermostActionsController.class })
class ChatActionProblems {

    @ExceptionHandler(UnauthenticatedChatRequestException.class)
    ProblemDetail unauthenticated(UnauthenticatedChatRequestException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", e.getMessage());
    }

    @ExceptionHandler(ReplayedChatRequestException.class)
    ProblemDetail replayed(ReplayedChatRequestException e) {
        return problem(HttpStatus.CONFLICT, "replayed-delivery", "Replayed delivery", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        return ProblemDetailsAdvice.problem(status, type, title, detail);
    }
}
