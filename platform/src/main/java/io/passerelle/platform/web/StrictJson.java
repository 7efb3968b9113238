package io.passerelle.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads JSON: a value has the JSON type its schema says (no {@code 123} for a string, no
 * {@code 0} for a boolean, no {@code 1.5} or {@code "1"} for an integer, no number or empty string for a
 * date-time, no null inside an array or map), text (field names included) holds no NUL, date-times are RFC 3339 with a four-digit year,
 * and UUIDs are exactly 8-4-4-4-12 hexadecimal digits (not trimmed into one). What a client sends is either
 * what it meant or refused with 400; nothing is coerced into something that fails later in the database.
 */
final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // [null] or {"k": null} where the schema has items: refused, not a null that fails later
                .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .addHandler(new RefuseHostileFieldNames())
                .addModule(new SimpleModule("passerelle-strict-json")
                        .addDeserializer(String.class, new StrictText())
                        .addKeyDeserializer(String.class, new StrictText.Key())
                        .addDeserializer(OffsetDateTime.class, StrictDateTime.OFFSET_DATE_TIME)
                        .addDeserializer(Instant.class, StrictDateTime.INSTANT)
                        .addDeserializer(java.util.UUID.class, new StrictUuid()));
    }

    /**
     * A field the type does not declare is refused (APIs) or skipped (tolerant webhook readers); either way, a name
     * holding NUL is refused like any other text.
     */
    private static final class RefuseHostileFieldNames extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
            var problem = TextRules.problem(propertyName);
            if (problem != null) {
                throw new RefusedValueException(parser, "has a field whose name " + problem, String.class);
            }
            return false;
        }
    }
}
