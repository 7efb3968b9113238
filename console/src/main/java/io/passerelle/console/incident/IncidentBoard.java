package io.passerelle.console.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.passerelle.console.api.Api;
import io.passerelle.console.api.Page;
import io.passerelle.console.web.Notice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /incidents}: the board of incidents by priority (refreshed on {@code sse:incident}), paged by following the
 * API's next links, and logging an incident reported to the service desk.
 */
@Controller
@RequestMapping("/incidents")
class IncidentBoard {

    static final int PAGE = 50;

    private final Api api;

    IncidentBoard(Api api) {
        this.api = api;
    }

    @GetMapping
    String board(BoardFilter filter, Model model) {
        fill(filter, model);
        return "incidents/board";
    }

    /** The board's live region alone, for {@code hx-get} on {@code sse:incident}. */
    @GetMapping("/board")
    String region(BoardFilter filter, Model model) {
        fill(filter, model);
        return "incidents/board :: board";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("targets", targets(api.list(u -> u.path("/api/v1/services").build())));
        return "incidents/new";
    }

    @PostMapping
    String log(@RequestParam(required = false) @Nullable String target, @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String impact, @RequestParam(required = false) @Nullable String urgency,
            @RequestParam(required = false) @Nullable String startedAt, RedirectAttributes redirect) {
        var report = new LinkedHashMap<String, Object>();
        if (target != null && target.contains("/")) {
            report.put("service", target.substring(0, target.indexOf('/')));
            report.put("environment", target.substring(target.indexOf('/') + 1));
        }
        put(report, "title", title);
        put(report, "description", description);
        put(report, "impact", impact);
        put(report, "urgency", urgency);
        // a datetime-local field has no zone: the form says the time is UTC
        put(report, "startedAt", startedAt == null || startedAt.isBlank() ? null
                : startedAt.length() == 16 ? startedAt + ":00Z" : startedAt + "Z");
        var incident = api.post("/api/v1/incidents", report);
        Notice.flash(redirect, "incidents.logged", incident.get("title"), incident.get("priority"));
        return "redirect:/incidents/" + incident.get("id");
    }

    private void fill(BoardFilter filter, Model model) {
        var incidents = new ArrayList<Map<String, Object>>();
        Page page = api.page(u -> filter.apply(u.path("/api/v1/incidents")).queryParam("limit", PAGE).build());
        incidents.addAll(page.items());
        for (int loaded = 1; loaded < filter.pageCount() && page.next() != null; loaded++) {
            String next = page.next();
            page = api.page(u -> u.path("/api/v1/incidents").query(next).build());
            incidents.addAll(page.items());
        }
        model.addAttribute("filter", filter);
        model.addAttribute("board", Board.of(incidents, page.next() != null));
        model.addAttribute("query", filter.query(filter.pageCount()));
        model.addAttribute("moreQuery", filter.query(filter.pageCount() + 1));
        model.addAttribute("canLoadMore", page.next() != null && filter.pageCount() < BoardFilter.MAX_PAGES);
    }

    /** The catalog's services and environments as the form's choices, {@code service/environment}, in its order. */
    static List<Target> targets(List<Map<String, Object>> services) {
        var targets = new ArrayList<Target>();
        for (var service : services) {
            String name = String.valueOf(service.get("name"));
            if (service.get("environments") instanceof List<?> environments) {
                for (Object environment : environments) {
                    if (environment instanceof Map<?, ?> env && env.get("name") != null) {
                        targets.add(new Target(name, env.get("name").toString()));
                    }
                }
            }
        }
        return targets;
    }

    /** A service and one of its environments: what an incident is logged against. */
    public record Target(String service, String environment) {

        public String value() {
            return service + "/" + environment;
        }
    }

    private static void put(Map<String, Object> body, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.trim());
        }
    }
}
