package io.passerelle.console.change;

import java.util.HashMap;
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
 * One change: its lifecycle, audit trail, deployment, the incidents it caused, its risk, policy and votes, and what
 * the user may do with it now (decide it; implement, complete or cancel a change raised by hand; review one that
 * failed). Each action is the change-service call of the same name; its refusal is shown as the service says it.
 */
@Controller
@RequestMapping("/changes/{id}")
class ChangeDetail {

    private static final String CHANGE = "/api/v1/changes/{id}";

    private final Api api;
    private final Evidence evidence;
    private final Policies policies;

    ChangeDetail(Api api, Evidence evidence, Policies policies) {
        this.api = api;
        this.evidence = evidence;
        this.policies = policies;
    }

    @GetMapping
    String show(@PathVariable UUID id, @ModelAttribute("me") Me me, Model model) {
        var change = api.get(CHANGE, id);
        model.addAttribute("c", change);
        model.addAttribute("releases", evidence.releasesOf(List.of(change), me));
        model.addAttribute("policies", "PENDING_APPROVAL".equals(change.get("state"))
                ? policies.of(List.of(change), me) : Map.of());
        return "changes/detail";
    }

    @PostMapping("/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        var change = api.post(CHANGE + "/approve", body("comment", comment), id);
        return done(id, redirect, "changes.approved", change);
    }

    @PostMapping("/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        var change = api.post(CHANGE + "/reject", body("reason", comment), id);
        return done(id, redirect, "changes.rejected", change);
    }

    @PostMapping("/implement")
    String implement(@PathVariable UUID id, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        var change = api.post(CHANGE + "/implement", body("comment", comment), id);
        return done(id, redirect, "changes.implementing", change);
    }

    @PostMapping("/complete")
    String complete(@PathVariable UUID id, @RequestParam String outcome, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        var completion = body("reason", reason);
        completion.put("outcome", outcome);
        var change = api.post(CHANGE + "/complete", completion, id);
        return done(id, redirect, "changes.completed", change);
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        var change = api.post(CHANGE + "/cancel", body("reason", reason), id);
        return done(id, redirect, "changes.cancelled", change);
    }

    @PostMapping("/review")
    String review(@PathVariable UUID id, @RequestParam(defaultValue = "") String review, RedirectAttributes redirect) {
        var change = api.post(CHANGE + "/review", body("review", review), id);
        return done(id, redirect, "changes.reviewed", change);
    }

    /** A JSON body with the field when the user wrote something (the service says when it is required). */
    static Map<String, Object> body(String field, @Nullable String text) {
        var body = new HashMap<String, Object>();
        if (text != null && !text.isBlank()) {
            body.put(field, text.strip());
        }
        return body;
    }

    private static String done(UUID id, RedirectAttributes redirect, String key, Map<String, Object> change) {
        Notice.flash(redirect, key, String.valueOf(change.get("title")));
        return "redirect:/changes/" + id;
    }
}
