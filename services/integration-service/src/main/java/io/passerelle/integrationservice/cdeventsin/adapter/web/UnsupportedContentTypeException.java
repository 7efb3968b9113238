package io.passerelle.integrationservice.cdeventsin.adapter.web;

/** Neither CloudEvents' structured JSON nor a binary-mode JSON body (415); nothing is written. */
class UnsupportedContentTypeException extends RuntimeException {

    UnsupportedContentTypeException(String message) {
        super(message);
    }
}
