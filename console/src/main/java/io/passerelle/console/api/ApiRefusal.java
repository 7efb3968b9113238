package io.passerelle.console.api;

import org.jspecify.annotations.Nullable;

/**
 * A service refused the user's request (4xx): its problem+json title and detail are shown as they are, since they say
 * what to do (for example "the requester of a change cannot approve it").
 */
public final class ApiRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final @Nullable String detail;
    private final @Nullable String type;

    ApiRefusal(int status, String title, @Nullable String detail, @Nullable String type) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public @Nullable String detail() {
        return detail;
    }

    public @Nullable String type() {
        return type;
    }

    /**
     * The user's roles do not admit the request: a 403 other than segregation of duties, which no role would change
     * (the requester of a change never approves it) and is shown in the service's own words.
     */
    public boolean forbidden() {
        return status == 403 && (type == null || !type.endsWith("/segregation-of-duties"));
    }

    public boolean unauthenticated() {
        return status == 401;
    }
}
