package io.passerelle.integrationservice.gitlab;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * GitLab's three ways of writing a time in its hooks: ISO 8601 ({@code 2016-08-12T17:23:21+02:00},
 * {@code 2021-03-04T12:00:00Z}), {@code 2016-08-12 15:23:28 UTC} (pipeline and job hooks) and
 * {@code 2021-04-28 21:50:00 +0200} (deployment hooks).
 */
public final class GitlabTime {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    private GitlabTime() {
    }

    /** @throws IllegalArgumentException naming {@code field} when the text is in none of the three forms */
    public static @Nullable Instant parse(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.endsWith(" UTC")) {
                return UTC.parse(text, Instant::from);
            }
            if (text.indexOf('T') > 0) {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return OffsetDateTime.parse(text, OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a time as GitLab writes them"
                    + " (2021-03-04T12:00:00Z, 2021-03-04 12:00:00 UTC or 2021-03-04 12:00:00 +0100)");
        }
    }
}
