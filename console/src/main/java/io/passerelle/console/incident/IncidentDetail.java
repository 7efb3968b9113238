package io.passerelle.console.incident;

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
 * {@code /incidents/{id}}: one incident, its timeline, suspects, proposed rollbacks, known errors and problems
 * (refreshed on {@code sse:incident}), and what the user's roles may do to it in its state. Every action is one call
 * of incident-service with the user's token; a refusal is shown in the service's words.
 */
@Controller
@RequestMapping("/incidents/{id}")
class IncidentDetail {

    private final Api api;

    IncidentDetail(Api api) {
        this.api = api;
    }

    @GetMapping
    String detail(@PathVariable UUID id, @ModelAttribute("me") Me me, Model model) {
        fill(id, me, model);
        return "incidents/detail";
    }

    /** The facts, suspects, rollbacks and timeline alone, for {@code hx-get} on {@code sse:incident}. */
    @GetMapping("/live")
    String live(@PathVariable UUID id, @ModelAttribute("me") Me me, Model model) {
        fill(id, me, model);
        return "incidents/detail :: live";
    }

    @PostMapping("/{action:acknowledge|start|resume|resolve|close}")
    String transition(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
        var incident = api.post("/api/v1/incidents/{id}/" + action, null, id);
        return done(redirect, "incidents.done." + action, incident);
    }

    @PostMapping("/{action:hold|reopen}")
    String withReason(@PathVariable UUID id, @PathVariable String action,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        var incident = api.post("/api/v1/incidents/{id}/" + action, Map.of("reason", text(reason)), id);
        return done(redirect, "incidents.done." + action, incident);
    }

    @PostMapping("/notes")
    String note(@PathVariable UUID id, @RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
        api.post("/api/v1/incidents/{id}/notes", Map.of("text", text(text)), id);
        Notice.flash(redirect, "incidents.done.note");
        return "redirect:/incidents/" + id;
    }

    @PostMapping("/assignment")
    String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String group, RedirectAttributes redirect) {
        var assignment = new LinkedHashMap<String, Object>();
        if (assignee != null && !assignee.isBlank()) {
            assignment.put("assignee", assignee.trim());
        }
        if (group != null && !group.isBlank()) {
            assignment.put("group", group.trim());
        }
        var incident = api.put("/api/v1/incidents/{id}/assignment", assignment, id);
        return done(redirect, "incidents.done.assign", incident);
    }

    @PostMapping("/priority")
    String priority(@PathVariable UUID id, @RequestParam(required = false) @Nullable String impact,
            @RequestParam(required = false) @Nullable String urgency, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        var change = new LinkedHashMap<String, Object>();
        change.put("impact", text(impact));
        change.put("urgency", text(urgency));
        change.put("reason", text(reason));
        var incident = api.put("/api/v1/incidents/{id}/priority", change, id);
        Notice.flash(redirect, "incidents.done.priority", incident.get("priority"));
        return "redirect:/incidents/" + id;
    }

    /** Confirms or dismisses one suspect deployment, with the reason. */
    @PostMapping("/suspects")
    String decide(@PathVariable UUID id, @RequestParam UUID deployment, @RequestParam String decision,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        String verb = "dismiss".equals(decision) ? "dismiss" : "confirm";
        api.post("/api/v1/incidents/{id}/suspects/{deployment}/" + verb, Map.of("reason", text(reason)), id, deployment);
        Notice.flash(redirect, "incidents.done." + verb);
        return "redirect:/incidents/" + id;
    }

    private void fill(UUID id, Me me, Model model) {
        var incident = api.get("/api/v1/incidents/{id}", id);
        model.addAttribute("incident", incident);
        model.addAttribute("timeline", api.list(u -> u.path("/api/v1/incidents/{id}/timeline").build(id)));
        model.addAttribute("rollbacks", api.list(u -> u.path("/api/v1/incidents/{id}/rollbacks").build(id)));
        model.addAttribute("actions", IncidentActions.available(String.valueOf(incident.get("state")), me));
        model.addAttribute("undecided", undecided(incident));
    }

    /** The suspects nobody confirmed or dismissed yet: those a decision can be about. */
    static List<Map<String, Object>> undecided(Map<String, Object> incident) {
        if (!(incident.get("suspects") instanceof List<?> suspects)) {
            return List.of();
        }
        return suspects.stream().filter(Map.class::isInstance).map(s -> {
            @SuppressWarnings("unchecked")
            var suspect = (Map<String, Object>) s;
            return suspect;
        }).filter(s -> s.get("decision") == null).toList();
    }

    private static String done(RedirectAttributes redirect, String key, Map<String, Object> incident) {
        Notice.flash(redirect, key, incident.get("title"));
        return "redirect:/incidents/" + incident.get("id");
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.trim();
    }
}
