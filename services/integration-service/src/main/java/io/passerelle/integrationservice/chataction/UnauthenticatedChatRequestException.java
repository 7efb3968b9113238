package io.passerelle.integrationservice.chataction;

/** A chat request not signed with the Slack app's secret, or not carrying its channel's token; nothing was done. */
public class UnauthenticatedChatRequestException extends RuntimeException {

    UnauthenticatedChatRequestException(String message) {
        super(message);
    }
}
