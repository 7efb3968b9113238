package io.passerelle.console.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as the incident and problem pages show them ({@code ${@moments.at(i.openedAt)}}): the API's instants in UTC to
 * the minute, and ages in words of the user's language.
 */
@Component("moments")
public class Moments {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The message key and arguments of an age: days and hours, hours and minutes, or minutes. */
    record Age(String key, Object... args) {

        static Age of(Duration age) {
            long minutes = Math.max(0, age.toMinutes());
            if (minutes >= 24 * 60) {
                return new Age("incidents.age.days", minutes / (24 * 60), minutes % (24 * 60) / 60);
            }
            if (minutes >= 60) {
                return new Age("incidents.age.hours", minutes / 60, minutes % 60);
            }
            return new Age("incidents.age.minutes", minutes);
        }
    }

    private final MessageSource messages;

    Moments(MessageSource messages) {
        this.messages = messages;
    }

    /** An instant of the API, e.g. {@code 2026-11-30 13:24 UTC}; what is not one is shown as it is. */
    public String at(@Nullable Object instant) {
        Instant parsed = parse(instant);
        return parsed == null ? (instant == null ? "" : instant.toString()) : MINUTE.format(parsed);
    }

    /** How long ago, e.g. {@code 3 h 12 min}. */
    public String age(@Nullable Object instant) {
        Instant parsed = parse(instant);
        if (parsed == null) {
            return "";
        }
        var age = Age.of(Duration.between(parsed, Instant.now()));
        return messages.getMessage(age.key(), age.args(), LocaleContextHolder.getLocale());
    }

    /** A duration in seconds of the API (time to acknowledge, to restore) in the same words. */
    public String seconds(@Nullable Object seconds) {
        if (!(seconds instanceof Number number)) {
            return "";
        }
        var age = Age.of(Duration.ofSeconds(number.longValue()));
        return messages.getMessage(age.key(), age.args(), LocaleContextHolder.getLocale());
    }

    /** A suspect's score (0 to 1) with the API's three decimals, e.g. {@code 0.785}. */
    public String score(@Nullable Object score) {
        return score instanceof Number number ? String.format(java.util.Locale.ROOT, "%.3f", number.doubleValue()) : "";
    }

    static @Nullable Instant parse(@Nullable Object instant) {
        if (instant == null) {
            return null;
        }
        try {
            return Instant.parse(instant.toString());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return java.time.OffsetDateTime.parse(instant.toString()).toInstant();
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}
