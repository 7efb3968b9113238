package io.passerelle.console.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The freeze-window form as change-service's {@code NewFreezeWindow}: the browser's wall-clock start and end
 * ({@code datetime-local}) read in the chosen IANA time zone, scope lists typed comma-separated (empty = every).
 */
public record FreezeForm(String name, String reason, String services, String environments, LocalDateTime start,
        LocalDateTime end, String timeZone, @Nullable String recurrence) {

    /** What the form starts with: from this minute for two hours, in UTC. */
    static FreezeForm defaults(Instant now) {
        var start = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC);
        return new FreezeForm("", "", "", "", start, start.plusHours(2), "UTC", null);
    }

    /**
     * The API's body. A time zone Java does not know is sent as typed, with the times read in UTC: change-service
     * refuses it (400) and says why, writing nothing.
     */
    Map<String, Object> body() {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone.strip());
        } catch (java.time.DateTimeException unknown) {
            zone = ZoneOffset.UTC;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name.strip());
        body.put("reason", reason.strip());
        body.put("start", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.atZone(zone).toOffsetDateTime()));
        body.put("end", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(end.atZone(zone).toOffsetDateTime()));
        body.put("timeZone", timeZone.strip());
        if (recurrence != null && !recurrence.isBlank()) {
            body.put("recurrence", recurrence.strip());
        }
        var scope = new LinkedHashMap<String, Object>();
        if (!names(services).isEmpty()) {
            scope.put("services", names(services));
        }
        if (!names(environments).isEmpty()) {
            scope.put("environments", names(environments));
        }
        body.put("scope", scope);
        return body;
    }

    static List<String> names(@Nullable String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The value a {@code datetime-local} input takes. */
    public static String local(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }
}
