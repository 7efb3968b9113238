package io.passerelle.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * A JSON string, and only a string, without NUL (PostgreSQL cannot store it in text) and without an unpaired
 * surrogate (it has no UTF-8 form).
 */
final class StrictText extends StdScalarDeserializer<String> {

    StrictText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        var text = parser.getString();
        var problem = TextRules.problem(text);
        if (problem != null) {
            throw new RefusedValueException(parser, problem, String.class);
        }
        return text;
    }

    /** The same rule for the names in a JSON object read as a map (labels, annotations). */
    static final class Key extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            var problem = TextRules.problem(key);
            if (problem != null) {
                throw new RefusedValueException(context.getParser(), "has a name that " + problem, String.class);
            }
            return key;
        }
    }
}
