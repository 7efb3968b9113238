package io.passerelle.platform.web;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Says what is wrong with a JSON body in the client's terms: the field's JSON path and the JSON type or rule it
 * breaks, never a Java class or an exception message.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static String describe(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return "the body nests too deep, or a number or string in it is too long";
        }
        if (e instanceof StreamReadException) {
            var at = e.getLocation();
            return at == null || at.getLineNr() < 0 ? "the body is not valid JSON"
                    : "the body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        var field = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + (field.isEmpty() ? unknown.getPropertyName() : field) + "'";
        }
        var subject = field.isEmpty() ? "the body" : "'" + field + "'";
        if (e instanceof InvalidNullException) {
            return subject + " must not be null";
        }
        if (e instanceof RefusedValueException refused) {
            return subject + " " + refused.getOriginalMessage();
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException refused
                && refused.getMessage() != null) {
            // a rule of our own type's constructor: its message is written for the client
            return (field.isEmpty() ? "" : "'" + field + "': ") + refused.getMessage();
        }
        if (e instanceof ValueInstantiationException) {
            return subject + " has a value that is not allowed here";
        }
        if (e instanceof MismatchedInputException mismatch) {
            var expected = expected(mismatch.getTargetType());
            return expected == null ? subject + " has the wrong JSON type" : subject + " must be " + expected;
        }
        return "the body is not valid for this operation";
    }

    /** {@code alerts[0].labels} from the path Jackson recorded. */
    static String path(JacksonException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static @Nullable String expected(@Nullable Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == String.class || type == UUID.class) {
            return type == UUID.class ? "a UUID string" : "a string";
        }
        if (type.isEnum()) {
            return "one of the strings the operation lists";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a string holding an RFC 3339 date-time";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "an object";
        }
        return null;
    }
}
