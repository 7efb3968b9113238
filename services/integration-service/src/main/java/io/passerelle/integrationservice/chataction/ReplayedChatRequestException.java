package io.passerelle.integrationservice.chataction;

/** A Slack request whose signature was received before: it has no second effect. */
public class ReplayedChatRequestException extends RuntimeException {

    ReplayedChatRequestException(String message) {
        super(message);
    }
}
