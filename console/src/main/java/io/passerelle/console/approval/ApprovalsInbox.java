package io.passerelle.console.approval;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.console.api.Api;
import io.passerelle.console.change.Evidence;
import io.passerelle.console.change.Policies;
import io.passerelle.console.change.Policy;
import io.passerelle.console.web.Me;
import io.passerelle.console.web.Notice;
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
 * The changes waiting for approval that the user's roles may decide, with what a decision rests on (risk and its
 * factors, evidence, policy, votes so far), approved or rejected in one click each; the list refreshes itself when a
 * change moves ({@code sse:change}). Whether the user may decide is the service's call: the inbox only leaves out the
 * changes whose policy names none of the user's roles, when the user may read policies.
 */
@Controller
@RequestMapping("/approvals")
class ApprovalsInbox {

    private final Api api;
    private final Evidence evidence;
    private final Policies policies;

    ApprovalsInbox(Api api, Evidence evidence, Policies policies) {
        this.api = api;
        this.evidence = evidence;
        this.policies = policies;
    }

    @GetMapping
    String inbox(@ModelAttribute("me") Me me, Model model) {
        pending(me, model);
        return "approvals/inbox";
    }

    /** The pending list alone, for the live refresh. */
    @GetMapping("/pending")
    String pendingOnly(@ModelAttribute("me") Me me, Model model) {
        pending(me, model);
        return "approvals/inbox :: pending";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        var change = api.post("/api/v1/changes/{id}/approve", Decisions.body("comment", comment), id);
        Notice.flash(redirect, "approvals.approved", String.valueOf(change.get("title")));
        return "redirect:/approvals";
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        var change = api.post("/api/v1/changes/{id}/reject", Decisions.body("reason", comment), id);
        Notice.flash(redirect, "approvals.rejected", String.valueOf(change.get("title")));
        return "redirect:/approvals";
    }

    private void pending(Me me, Model model) {
        var waiting = api.list(u -> u.path("/api/v1/changes").queryParam("state", "PENDING_APPROVAL").build());
        Map<String, Policy> byChange = policies.of(waiting, me);
        List<Map<String, Object>> mine = Decisions.theirs(waiting, byChange, me);
        model.addAttribute("changes", mine);
        model.addAttribute("policies", byChange);
        model.addAttribute("releases", evidence.releasesOf(mine, me));
        model.addAttribute("others", waiting.size() - mine.size());
    }
}
