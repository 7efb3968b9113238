package io.passerelle.integrationservice.alert.adapter.web;

/** A notification whose Content-Type is not JSON: a custom payload Passerelle does not read. */
class NotJsonException extends RuntimeException {

    NotJsonException(String message) {
        super(message);
    }
}
