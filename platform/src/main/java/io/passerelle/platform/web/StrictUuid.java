package io.passerelle.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * A UUID as a JSON string in its canonical form, 8-4-4-4-12 hexadecimal digits, and nothing else. Jackson's own
 * reading trims the text first, so a UUID followed by NUL or other control characters passed as that UUID.
 */
final class StrictUuid extends StdScalarDeserializer<UUID> {

    private static final Pattern SHAPE = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    StrictUuid() {
        super(UUID.class);
    }

    @Override
    public UUID deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING) || !SHAPE.matcher(parser.getString()).matches()) {
            throw new RefusedValueException(parser, "must be a UUID string", UUID.class);
        }
        return UUID.fromString(parser.getString());
    }
}
