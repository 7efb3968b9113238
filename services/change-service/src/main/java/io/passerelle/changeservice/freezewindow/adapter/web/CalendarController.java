package io.passerelle.changeservice.freezewindow.adapter.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.passerelle.changeservice.api.CalendarApi;
import io.passerelle.changeservice.api.model.Calendar;
import io.passerelle.changeservice.freezewindow.ChangeCalendar;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.StrictDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The change calendar, as JSON and as an iCalendar feed, for everyone who plans or decides changes. */
@RestController
class CalendarController implements CalendarApi {

    private static final String READERS = "hasAnyRole('" + Roles.CHANGE_MANAGER + "', '" + Roles.CAB_MEMBER + "', '"
            + Roles.EMERGENCY_APPROVER + "', '" + Roles.RELEASE_MANAGER + "', '" + Roles.SERVICE_DESK + "')";
    static final Duration DEFAULT_BACK = Duration.ofDays(30);
    static final Duration DEFAULT_AHEAD = Duration.ofDays(180);
    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final ChangeCalendar calendar;
    private final ICalendarFeed feed;
    private final Clock clock;

    CalendarController(ChangeCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.feed = new ICalendarFeed();
        this.clock = clock;
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<Calendar> getCalendar(@Nullable String from, @Nullable String to) {
        var now = clock.instant();
        return ResponseEntity.ok(Representations.calendar(view(from, to, now), now));
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<String> getCalendarFeed(@Nullable String from, @Nullable String to) {
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).body(feed.write(view(from, to, clock.instant())));
    }

    private ChangeCalendar.View view(@Nullable String from, @Nullable String to, Instant now) {
        return calendar.between(from == null ? now.minus(DEFAULT_BACK) : instant("from", from),
                to == null ? now.plus(DEFAULT_AHEAD) : instant("to", to));
    }

    private static Instant instant(String name, String text) {
        try {
            return StrictDateTime.parse(text).toInstant();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage());
        }
    }
}
