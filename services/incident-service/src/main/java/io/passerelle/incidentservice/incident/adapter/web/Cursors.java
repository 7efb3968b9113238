package io.passerelle.incidentservice.incident.adapter.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import io.passerelle.incidentservice.incident.port.IncidentQuery.Position;

/**
 * A list's cursor: where a page ended, opaque to clients (base64url of {@code <openedAt in µs since the epoch>_<id>};
 * PostgreSQL keeps microseconds, so the position is exactly the stored one).
 */
final class Cursors {

    /** The latest opening a cursor may name (far beyond any real one, well within what PostgreSQL stores). */
    private static final long LATEST = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"));

    private Cursors() {
    }

    static String encode(Position position) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, position.openedAt());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "_" + position.id()).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException (a 400) when the cursor is not one this service gave */
    static Position decode(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int separator = text.indexOf('_');
            if (separator < 1 || !text.substring(0, separator).matches("[0-9]{1,18}")
                    || Long.parseLong(text.substring(0, separator)) > LATEST) {
                throw new IllegalArgumentException(text);
            }
            var openedAt = Instant.EPOCH.plus(Long.parseLong(text.substring(0, separator)), ChronoUnit.MICROS);
            var id = UUID.fromString(text.substring(separator + 1));
            if (!id.toString().equals(text.substring(separator + 1))) {
                throw new IllegalArgumentException(text);
            }
            return new Position(openedAt, id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one this service gave: use the Link of the previous page");
        }
    }
}
