package io.passerelle.integrationservice.gitlab;

/**
 * No service names the hook's project (yet): answered so that GitLab shows the hook as failed and can send it again
 * once the registration has reached the intake.
 */
public class UnknownProjectException extends RuntimeException {

    UnknownProjectException(String message) {
        super(message);
    }
}
