package io.passerelle.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * RFC 3339 date-times only: a string with a four-digit year and an offset ({@code 2026-11-29T10:15:30Z}). Numbers,
 * empty strings and the extended years that {@code java.time} accepts ({@code +999999999-12-31T23:59:59Z}, which
 * overflows any arithmetic on it) are refused.
 */
public final class StrictDateTime<T> extends StdScalarDeserializer<T> {

    static final StrictDateTime<OffsetDateTime> OFFSET_DATE_TIME = new StrictDateTime<>(OffsetDateTime.class, t -> t);
    static final StrictDateTime<Instant> INSTANT = new StrictDateTime<>(Instant.class, OffsetDateTime::toInstant);

    static final String EXPECTED = "must be an RFC 3339 date-time with a four-digit year and an offset, "
            + "e.g. 2026-11-29T10:15:30Z";
    private static final Pattern SHAPE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$");

    private final Class<T> type;
    private final Function<OffsetDateTime, T> convert;

    private StrictDateTime(Class<T> type, Function<OffsetDateTime, T> convert) {
        super(type);
        this.type = type;
        this.convert = convert;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw new RefusedValueException(parser, EXPECTED, type);
        }
        try {
            return convert.apply(parse(parser.getString()));
        } catch (IllegalArgumentException e) {
            throw new RefusedValueException(parser, e.getMessage(), type);
        }
    }

    /**
     * Parses an RFC 3339 date-time as every Passerelle edge does, for text read outside the JSON binding.
     *
     * @throws IllegalArgumentException saying, in the client's terms, what is wrong with it
     */
    public static OffsetDateTime parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a valid date-time (" + text + ")");
        }
    }
}
