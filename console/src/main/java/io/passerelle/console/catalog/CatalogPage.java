package io.passerelle.console.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.passerelle.console.api.Api;
import io.passerelle.console.release.Moment;
import io.passerelle.console.web.Me;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The service catalog: every service, and one service's environments with their policies and executors. The approval
 * policies and environment profiles are read only by the roles change-service lets read them (their x-roles), so
 * that other roles see the page without them rather than a refusal.
 */
@Controller
class CatalogPage {

    /** How far ahead the freeze windows of an environment are shown. */
    static final int FREEZE_DAYS = 30;

    private final Api api;

    CatalogPage(Api api) {
        this.api = api;
    }

    @GetMapping("/catalog")
    String catalog(Model model) {
        var services = api.list(u -> u.path("/api/v1/services").build()).stream()
                .map(s -> CatalogEntry.of(s, null, null, null)).toList();
        model.addAttribute("services", services);
        return "catalog/index";
    }

    @GetMapping("/catalog/{name}")
    String service(@PathVariable String name, @ModelAttribute("me") Me me, Model model) {
        Map<String, Object> service = api.get("/api/v1/services/{name}", name);
        @Nullable List<Map<String, Object>> policies = me.has("change-manager", "cab-member")
                ? api.list(u -> u.path("/api/v1/approval-policies").build()) : null;
        @Nullable List<Map<String, Object>> profiles = me.has("change-manager", "cab-member", "release-manager")
                ? api.list(u -> u.path("/api/v1/environment-profiles").build()) : null;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        @SuppressWarnings("unchecked")
        var freezes = (List<Map<String, Object>>) api.get("/api/v1/calendar?from={from}&to={to}", now.toString(),
                now.plus(FREEZE_DAYS, ChronoUnit.DAYS).toString()).getOrDefault("freezeWindows", List.of());
        model.addAttribute("s", CatalogEntry.of(service, policies, profiles, freezes));
        model.addAttribute("freezeDays", FREEZE_DAYS);
        model.addAttribute("now", Moment.of(now.toString()));
        return "catalog/service";
    }
}
