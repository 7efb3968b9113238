package io.passerelle.console.calendar;

import java.time.LocalDateTime;
import java.util.UUID;

import io.passerelle.console.api.Api;
import io.passerelle.console.web.Notice;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Declaring and ending freeze windows (change managers: change-service decides), back to the calendar. */
@Controller
@RequestMapping("/freeze-windows")
class FreezeWindows {

    private static final String LOCAL = "yyyy-MM-dd'T'HH:mm[:ss]";

    private final Api api;

    FreezeWindows(Api api) {
        this.api = api;
    }

    @PostMapping
    String declare(@RequestParam String name, @RequestParam String reason,
            @RequestParam(defaultValue = "") String services, @RequestParam(defaultValue = "") String environments,
            @RequestParam @DateTimeFormat(pattern = LOCAL) LocalDateTime start,
            @RequestParam @DateTimeFormat(pattern = LOCAL) LocalDateTime end,
            @RequestParam(defaultValue = "UTC") String timeZone, @RequestParam(required = false) @Nullable String recurrence,
            @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        var form = new FreezeForm(name, reason, services, environments, start, end, timeZone, recurrence);
        var window = api.post("/api/v1/freeze-windows", form.body());
        Notice.flash(redirect, "calendar.declared", String.valueOf(window.get("name")));
        return "redirect:" + calendar(back);
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable UUID id, @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        var window = api.post("/api/v1/freeze-windows/{id}/end", null, id);
        Notice.flash(redirect, "calendar.ended", String.valueOf(window.get("name")));
        return "redirect:" + calendar(back);
    }

    /** Back to the calendar view the form was on; never anywhere else. */
    static String calendar(@Nullable String back) {
        return back != null && back.matches("/calendar(\\?[A-Za-z0-9=&_-]*)?") ? back : "/calendar";
    }
}
