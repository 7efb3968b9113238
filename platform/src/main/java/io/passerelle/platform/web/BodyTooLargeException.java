package io.passerelle.platform.web;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
