package io.passerelle.console.release;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/** An API's RFC 3339 instant as people read it, in UTC (the APIs' own zone), e.g. {@code 2026-11-30 14:05 UTC}. */
public final class Moment {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Moment() {
    }

    public static @Nullable String of(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return SHOWN.format(Instant.parse(value.toString()));
        } catch (DateTimeParseException notAnInstant) {
            return value.toString();
        }
    }
}
