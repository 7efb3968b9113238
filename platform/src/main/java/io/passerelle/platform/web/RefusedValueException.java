package io.passerelle.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON value of the right type whose content is refused; its message is written for the client. */
final class RefusedValueException extends MismatchedInputException {

    RefusedValueException(JsonParser parser, String message, Class<?> targetType) {
        super(parser, message, targetType);
    }
}
