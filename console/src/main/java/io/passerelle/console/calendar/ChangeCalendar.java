package io.passerelle.console.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.passerelle.console.api.Api;
import io.passerelle.console.calendar.CalendarGrid.Entry;
import io.passerelle.console.calendar.CalendarGrid.Kind;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The change calendar: a month or a week (UTC) of freeze windows and the changes authorized to happen
 * ({@code GET /api/v1/calendar}), the freeze windows in force ({@code GET /api/v1/freeze-windows?active=true}), the
 * changes and deployments they hold ({@code GET /api/v1/changes?state=SCHEDULED}, those with a hold) and the period as
 * an iCalendar file. Refreshes itself on {@code sse:freeze-window} and {@code sse:change}.
 */
@Controller
@RequestMapping("/calendar")
class ChangeCalendar {

    private final Api api;
    private final MessageSource messages;
    private final Clock clock;

    ChangeCalendar(Api api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
        this.clock = Clock.systemUTC();
    }

    @GetMapping
    String calendar(@RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            Locale locale, Model model) {
        board(view, date, locale, model);
        model.addAttribute("defaults", FreezeForm.defaults(Instant.now(clock)));
        return "calendar/calendar";
    }

    /** The grid, the windows and the held changes alone, for the live refresh. */
    @GetMapping("/board")
    String boardOnly(@RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            Locale locale, Model model) {
        board(view, date, locale, model);
        return "calendar/calendar :: board";
    }

    /** The period shown as iCalendar, fetched with the user's session (calendar applications use a token instead). */
    @GetMapping(value = "/feed.ics")
    ResponseEntity<String> feed(@RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
        var grid = grid(view, date);
        String ics = api.text("/api/v1/calendar.ics?from={from}&to={to}", grid.from().toString(), grid.to().toString());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("passerelle-" + grid.first() + ".ics").build().toString())
                .body(ics);
    }

    private CalendarGrid grid(@Nullable String view, @Nullable LocalDate date) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return CalendarGrid.of(CalendarGrid.View.of(view), date == null ? today : date, today);
    }

    private void board(@Nullable String view, @Nullable LocalDate date, Locale locale, Model model) {
        var empty = grid(view, date);
        var calendar = api.get("/api/v1/calendar?from={from}&to={to}", empty.from().toString(), empty.to().toString());
        var grid = empty.with(entries(calendar, locale));
        model.addAttribute("grid", grid);
        model.addAttribute("here", "/calendar?view=" + grid.view().param() + "&date=" + grid.anchor());
        model.addAttribute("weekdays", CalendarGrid.weekdays(locale));
        model.addAttribute("windows", api.list(u -> u.path("/api/v1/freeze-windows").queryParam("active", true).build()));
        model.addAttribute("held", api.list(u -> u.path("/api/v1/changes").queryParam("state", "SCHEDULED").build())
                .stream().filter(c -> c.get("hold") != null).toList());
        model.addAttribute("feed", ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/calendar.ics")
                .toUriString());
    }

    @SuppressWarnings("unchecked")
    private List<Entry> entries(Map<String, Object> calendar, Locale locale) {
        var entries = new ArrayList<Entry>();
        for (var scheduled : (List<Map<String, Object>>) calendar.getOrDefault("freezeWindows", List.of())) {
            var window = (Map<String, Object>) scheduled.get("window");
            String where = scope((Map<String, Object>) window.getOrDefault("scope", Map.of()), locale);
            String state = window.get("endedAt") != null ? "ENDED" : null;
            for (var occurrence : (List<Map<String, Object>>) scheduled.getOrDefault("occurrences", List.of())) {
                entries.add(new Entry(Kind.FREEZE, String.valueOf(window.get("id")), String.valueOf(window.get("name")),
                        where, state, Instant.parse((String) occurrence.get("start")),
                        Instant.parse((String) occurrence.get("end"))));
            }
        }
        for (var change : (List<Map<String, Object>>) calendar.getOrDefault("changes", List.of())) {
            Object closed = change.get("closedAt");
            entries.add(new Entry(Kind.CHANGE, String.valueOf(change.get("id")), String.valueOf(change.get("title")),
                    change.get("service") + " · " + change.get("environment"), String.valueOf(change.get("state")),
                    Instant.parse((String) change.get("authorizedAt")), closed == null ? null : Instant.parse((String) closed)));
        }
        return entries;
    }

    /** "checkout, payments · production", an empty list read as every service or environment. */
    @SuppressWarnings("unchecked")
    public String scope(Map<String, Object> scope, Locale locale) {
        var services = (List<String>) scope.getOrDefault("services", List.of());
        var environments = (List<String>) scope.getOrDefault("environments", List.of());
        return (services.isEmpty() ? messages.getMessage("calendar.scope.every-service", null, locale)
                : String.join(", ", services)) + " · "
                + (environments.isEmpty() ? messages.getMessage("calendar.scope.every-environment", null, locale)
                : String.join(", ", environments));
    }
}
