package io.passerelle.console.release;

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
 * Releases and deployments of one service: the promotion grid (refreshed by deployment and release events), and a
 * release manager's promotion of a release into the next environment.
 */
@Controller
class ReleasesPage {

    private final Api api;

    ReleasesPage(Api api) {
        this.api = api;
    }

    @GetMapping("/releases")
    String releases(@RequestParam(required = false) @Nullable String service, Model model) {
        List<String> services = api.list(u -> u.path("/api/v1/services").build()).stream()
                .map(s -> String.valueOf(s.get("name"))).toList();
        model.addAttribute("services", services);
        if (service != null && !service.isBlank()) {
            grid(service, model);
        }
        return "releases/index";
    }

    /** The grid alone, for live updates. */
    @GetMapping("/releases/grid")
    String grid(@RequestParam String service, Model model) {
        Map<String, Object> registered = api.get("/api/v1/services/{name}", service);
        @SuppressWarnings("unchecked")
        var environments = (List<Map<String, Object>>) registered.getOrDefault("environments", List.of());
        var releases = api.list(u -> u.path("/api/v1/releases").queryParam("service", service).build());
        var deployments = api.list(u -> u.path("/api/v1/deployments").queryParam("service", service).build());
        model.addAttribute("service", service);
        model.addAttribute("grid", PromotionGrid.of(environments, releases, deployments));
        return "releases/index :: grid";
    }

    @PostMapping("/releases/{id}/promote")
    String promote(@PathVariable UUID id, @RequestParam String environment, @RequestParam String service,
            RedirectAttributes redirect) {
        Deployment planned = Deployment.of(api.post("/api/v1/releases/{id}/promote", Map.of("environment", environment), id));
        Notice.flash(redirect, "releases.promoted", planned.version(), planned.environment());
        redirect.addAttribute("service", service);
        return "redirect:/releases";
    }
}
