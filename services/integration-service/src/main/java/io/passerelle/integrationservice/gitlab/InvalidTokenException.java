package io.passerelle.integrationservice.gitlab;

/** The hook's {@code X-Gitlab-Token} is missing or is not the secret registered for the project's service. */
public class InvalidTokenException extends RuntimeException {

    InvalidTokenException(String message) {
        super(message);
    }
}
