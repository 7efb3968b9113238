package io.passerelle.integrationservice.github;

/** The delivery's {@code X-Hub-Signature-256} is missing or is not the HMAC of its body under the service's secret. */
public class InvalidSignatureException extends RuntimeException {

    InvalidSignatureException(String message) {
        super(message);
    }
}
