package io.passerelle.console.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.console.api.Api;
import io.passerelle.console.web.Me;
import io.passerelle.console.web.Notice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /problems}: the list of problems (refreshed on {@code sse:problem}), raising one (from an incident or on its
 * own), and one problem with its root cause, workaround, known error, fix and linked incidents, through the lifecycle
 * of ADR 0019. Each action is one call of incident-service with the user's token.
 */
@Controller
@RequestMapping("/problems")
class ProblemPages {

    static final int PAGE = 50;
    static final int MAX = 500;
    /** The linked incidents whose titles the detail reads (one call each); the others show their id. */
    static final int TITLES = 20;

    private final Api api;

    ProblemPages(Api api) {
        this.api = api;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable Integer limit,
            Model model) {
        fillList(state, service, text, limit, model);
        return "problems/list";
    }

    /** The list's live region alone, for {@code hx-get} on {@code sse:problem}. */
    @GetMapping("/list")
    String region(@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable Integer limit,
            Model model) {
        fillList(state, service, text, limit, model);
        return "problems/list :: problems";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) @Nullable UUID incident, Model model) {
        if (incident != null) {
            model.addAttribute("incident", api.get("/api/v1/incidents/{id}", incident));
        }
        return "problems/new";
    }

    @PostMapping
    String raise(@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String service, @RequestParam(required = false) @Nullable String incident,
            RedirectAttributes redirect) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("title", title == null ? "" : title.trim());
        put(problem, "description", description);
        put(problem, "service", service);
        if (incident != null && !incident.isBlank()) {
            problem.put("incidentIds", List.of(incident.trim()));
        }
        var raised = api.post("/api/v1/problems", problem);
        return done(redirect, "problems.done.raise", raised);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, @ModelAttribute("me") Me me, Model model) {
        fillDetail(id, me, model);
        return "problems/detail";
    }

    /** The problem's facts and linked incidents alone, for {@code hx-get} on {@code sse:problem}. */
    @GetMapping("/{id}/live")
    String live(@PathVariable UUID id, @ModelAttribute("me") Me me, Model model) {
        fillDetail(id, me, model);
        return "problems/detail :: live";
    }

    private void fillDetail(UUID id, Me me, Model model) {
        var problem = api.get("/api/v1/problems/{id}", id);
        model.addAttribute("problem", problem);
        model.addAttribute("actions", ProblemActions.available(String.valueOf(problem.get("state")), me));
        model.addAttribute("linked", linked(problem));
        model.addAttribute("labels", Labels.format(problem.get("match") instanceof Map<?, ?> m ? m.get("labels") : null));
    }

    @PostMapping("/{id}/investigate")
    String investigate(@PathVariable UUID id, RedirectAttributes redirect) {
        return done(redirect, "problems.done.investigate", api.post("/api/v1/problems/{id}/investigate", null, id));
    }

    @PostMapping("/{id}/known-error")
    String knownError(@PathVariable UUID id, @RequestParam(required = false) @Nullable String rootCause,
            @RequestParam(required = false) @Nullable String workaround, @RequestParam(required = false) @Nullable String matchService,
            @RequestParam(required = false) @Nullable String alertName, @RequestParam(required = false) @Nullable String labels,
            RedirectAttributes redirect) {
        var match = new LinkedHashMap<String, Object>();
        put(match, "service", matchService);
        put(match, "alertName", alertName);
        var parsed = Labels.parse(labels);
        if (!parsed.isEmpty()) {
            match.put("labels", parsed);
        }
        var recording = new LinkedHashMap<String, Object>();
        put(recording, "rootCause", rootCause);
        put(recording, "workaround", workaround);
        recording.put("match", match);
        return done(redirect, "problems.done.known-error", api.post("/api/v1/problems/{id}/known-error", recording, id));
    }

    @PostMapping("/{id}/fix")
    String fix(@PathVariable UUID id, @RequestParam(required = false) @Nullable String changeId, RedirectAttributes redirect) {
        var fixed = api.put("/api/v1/problems/{id}/fix", Map.of("changeId", changeId == null ? "" : changeId.trim()), id);
        return done(redirect, "problems.done.fix", fixed);
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable UUID id, @RequestParam(required = false) @Nullable String rootCause, RedirectAttributes redirect) {
        var resolution = new LinkedHashMap<String, Object>();
        put(resolution, "rootCause", rootCause);
        return done(redirect, "problems.done.resolve", api.post("/api/v1/problems/{id}/resolve", resolution, id));
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable UUID id, @RequestParam(required = false) @Nullable String duplicateOf, RedirectAttributes redirect) {
        var closure = new LinkedHashMap<String, Object>();
        put(closure, "duplicateOf", duplicateOf);
        return done(redirect, "problems.done.close", api.post("/api/v1/problems/{id}/close", closure, id));
    }

    @PostMapping("/{id}/incidents")
    String link(@PathVariable UUID id, @RequestParam UUID incidentId, RedirectAttributes redirect) {
        var linked = api.post("/api/v1/problems/{id}/incidents/{incident}", null, id, incidentId);
        return done(redirect, "problems.done.link", linked);
    }

    @PostMapping("/{id}/incidents/{incidentId}/unlink")
    String unlink(@PathVariable UUID id, @PathVariable UUID incidentId, RedirectAttributes redirect) {
        api.delete("/api/v1/problems/{id}/incidents/{incident}", id, incidentId);
        Notice.flash(redirect, "problems.done.unlink");
        return "redirect:/problems/" + id;
    }

    private void fillList(@Nullable String state, @Nullable String service, @Nullable String text, @Nullable Integer limit,
            Model model) {
        int shown = limit == null ? PAGE : Math.clamp(limit, 1, MAX);
        var problems = api.list(u -> {
            u.path("/api/v1/problems").queryParam("limit", shown + 1);
            if (state != null && !state.isBlank()) {
                u.queryParam("state", state);
            }
            if (service != null && !service.isBlank()) {
                u.queryParam("service", service.trim());
            }
            if (text != null && !text.isBlank()) {
                u.queryParam("text", text.trim());
            }
            return u.build();
        });
        boolean more = problems.size() > shown;
        model.addAttribute("problems", more ? problems.subList(0, shown) : problems);
        model.addAttribute("state", state);
        model.addAttribute("service", service);
        model.addAttribute("text", text);
        model.addAttribute("limit", shown);
        model.addAttribute("more", more && shown < MAX);
        model.addAttribute("query", query(state, service, text, shown));
        model.addAttribute("moreQuery", query(state, service, text, Math.min(MAX, shown + PAGE)));
    }

    static String query(@Nullable String state, @Nullable String service, @Nullable String text, int limit) {
        var uri = org.springframework.web.util.UriComponentsBuilder.newInstance();
        if (state != null && !state.isBlank()) {
            uri.queryParam("state", state);
        }
        if (service != null && !service.isBlank()) {
            uri.queryParam("service", service.trim());
        }
        if (text != null && !text.isBlank()) {
            uri.queryParam("text", text.trim());
        }
        if (limit != PAGE) {
            uri.queryParam("limit", limit);
        }
        String query = uri.encode().build().getQuery();
        return query == null ? "" : query;
    }

    /** The linked incidents with their title and state when read (the first {@value #TITLES}), in linking order. */
    private List<Map<String, Object>> linked(Map<String, Object> problem) {
        var rows = new ArrayList<Map<String, Object>>();
        if (!(problem.get("incidents") instanceof List<?> incidents)) {
            return rows;
        }
        for (Object item : incidents) {
            if (!(item instanceof Map<?, ?> link)) {
                continue;
            }
            var row = new LinkedHashMap<String, Object>();
            link.forEach((k, v) -> row.put(String.valueOf(k), v));
            if (rows.size() < TITLES) {
                var incident = api.get("/api/v1/incidents/{id}", link.get("incidentId"));
                row.put("title", incident.get("title"));
                row.put("state", incident.get("state"));
                row.put("priority", incident.get("priority"));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String done(RedirectAttributes redirect, String key, Map<String, Object> problem) {
        Notice.flash(redirect, key, problem.get("title"));
        return "redirect:/problems/" + problem.get("id");
    }

    private static void put(Map<String, Object> body, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.trim());
        }
    }
}
