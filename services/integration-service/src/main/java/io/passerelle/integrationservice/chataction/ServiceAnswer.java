package io.passerelle.integrationservice.chataction;

import org.jspecify.annotations.Nullable;

/**
 * What the service answered the action: its HTTP status and, for a refusal, the problem's title and detail.
 *
 * @param status 0 when the service could not be reached
 */
public record ServiceAnswer(int status, @Nullable String title, @Nullable String detail) {

    public boolean done() {
        return status >= 200 && status < 300;
    }
}
