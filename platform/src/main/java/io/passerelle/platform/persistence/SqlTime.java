package io.passerelle.platform.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * The one mapping between {@link Instant} and PostgreSQL's {@code timestamptz}, for every repository: written and
 * read as an {@link OffsetDateTime} in UTC, so that neither the JVM's nor the session's time zone can shift a
 * value. PostgreSQL keeps microseconds; an instant with nanoseconds comes back truncated.
 */
public final class SqlTime {

    private SqlTime() {
    }

    /** The parameter value for a timestamptz column. */
    public static OffsetDateTime of(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static @Nullable OffsetDateTime ofNullable(@Nullable Instant instant) {
        return instant == null ? null : of(instant);
    }

    /** A non-null timestamptz column as an instant. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value.toInstant();
    }

    public static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
