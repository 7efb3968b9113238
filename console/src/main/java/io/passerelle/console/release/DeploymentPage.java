package io.passerelle.console.release;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.console.api.Api;
import io.passerelle.console.web.Notice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One deployment's facts (state, kind, release, commit, environment and its executor, times, its change, the outcome),
 * refreshed by deployment events, and a release manager's rollback of it.
 */
@Controller
class DeploymentPage {

    private final Api api;

    DeploymentPage(Api api) {
        this.api = api;
    }

    @GetMapping("/deployments/{id}")
    String deployment(@PathVariable UUID id, Model model) {
        facts(id, model);
        return "deployments/detail";
    }

    /** The facts alone, for live updates. */
    @GetMapping("/deployments/{id}/facts")
    String facts(@PathVariable UUID id, Model model) {
        Deployment deployment = Deployment.of(api.get("/api/v1/deployments/{id}", id));
        model.addAttribute("d", deployment);
        model.addAttribute("target", target(deployment));
        return "deployments/detail :: facts";
    }

    @PostMapping("/deployments/{id}/rollback")
    String rollback(@PathVariable UUID id, @RequestParam String reason,
            @RequestParam(defaultValue = "false") boolean emergency, RedirectAttributes redirect) {
        var body = new LinkedHashMap<String, Object>();
        body.put("reason", reason);
        body.put("emergency", emergency);
        Deployment planned = Deployment.of(api.post("/api/v1/deployments/{id}/rollback", body, id));
        Notice.flash(redirect, "deployments.rollback.planned", planned.version(), planned.environment());
        return "redirect:/deployments/" + planned.id();
    }

    /** The executor of the deployment's environment (its type and address; the catalog never gives a credential). */
    private @Nullable Map<?, ?> target(Deployment deployment) {
        // the same roles read deployments and the catalog
        @SuppressWarnings("unchecked")
        var environments = (List<Map<String, Object>>) api.get("/api/v1/services/{name}", deployment.service())
                .getOrDefault("environments", List.of());
        return environments.stream().filter(e -> deployment.environment().equals(e.get("name")))
                .map(e -> e.get("deployTarget") instanceof Map<?, ?> t ? t : null).filter(t -> t != null)
                .findFirst().orElse(null);
    }
}
