package io.passerelle.console.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.passerelle.console.release.Moment;
import org.jspecify.annotations.Nullable;

/**
 * A service of the catalog as its page shows it: its environments in promotion order (the last one is production),
 * each with its policies, its executor (type, address, settings and whether a credential is kept: the API never gives
 * the credential, and nothing else of the target is copied), the approval policies that decide its changes, its
 * profile and the freeze windows ahead. Policies and profiles are {@code null} when the user's roles may not read them.
 */
public record CatalogEntry(String name, String repository, String defaultBranch, @Nullable String registeredAt,
        List<Environment> environments, boolean policiesShown, boolean profilesShown) {

    /** @param first the first environment in promotion order, where every release enters on its own */
    public record Environment(String name, int order, boolean first, boolean production, boolean requiresApproval,
            String promotionMode, @Nullable String soak, @Nullable String deploymentTimeout, List<String> requiredChecks,
            @Nullable String p1Within, boolean automaticRollback, @Nullable Executor executor, List<Policy> policies,
            @Nullable Profile profile, List<Freeze> freezes) {
    }

    public record Executor(String type, String url, Map<String, String> settings, boolean credentialConfigured) {
    }

    /** @param service the service this policy is for, or null when it is the environment's own */
    public record Policy(String changeType, @Nullable String service, int version, int approvalsRequired,
            List<String> approverRoles, boolean anyRejectionRejects) {
    }

    public record Profile(String criticality, @Nullable String days, @Nullable String hours) {
    }

    public record Freeze(String name, @Nullable String start, @Nullable String end) {
    }

    /**
     * @param policies the approval policies in force (all environments), or null when not readable
     * @param profiles the environment profiles, or null when not readable
     * @param freezeWindows the calendar's freeze windows ahead ({@code ScheduledFreeze}), or null when not readable
     */
    static CatalogEntry of(Map<String, Object> service, @Nullable List<Map<String, Object>> policies,
            @Nullable List<Map<String, Object>> profiles, @Nullable List<Map<String, Object>> freezeWindows) {
        String name = text(service.get("name"));
        List<Map<String, Object>> specs = maps(service.get("environments")).stream()
                .sorted(Comparator.comparingInt(e -> number(e.get("order")))).toList();
        List<Environment> environments = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Map<String, Object> spec = specs.get(i);
            String environment = text(spec.get("name"));
            Map<String, Object> promotion = map(spec.get("promotion"));
            Map<String, Object> rollback = map(spec.get("incidentRollback"));
            environments.add(new Environment(environment, number(spec.get("order")), i == 0, i == specs.size() - 1,
                    Boolean.TRUE.equals(spec.get("requiresApproval")),
                    promotion.get("mode") == null ? "automatic" : text(promotion.get("mode")),
                    optional(promotion.get("soak")), optional(spec.get("deploymentTimeout")),
                    strings(spec.get("requiredChecks")),
                    optional(rollback.get("p1Within")), Boolean.TRUE.equals(rollback.get("automatic")),
                    executor(spec.get("deployTarget")), applicable(policies, name, environment),
                    profile(profiles, environment), freezes(freezeWindows, name, environment)));
        }
        return new CatalogEntry(name, text(service.get("repository")), text(service.get("defaultBranch")),
                Moment.of(service.get("registeredAt")), environments, policies != null, profiles != null);
    }

    /** Per change type, the service's own policy in that environment if it has one, else the environment's. */
    static List<Policy> applicable(@Nullable List<Map<String, Object>> policies, String service, String environment) {
        if (policies == null) {
            return List.of();
        }
        Map<String, Policy> byType = new LinkedHashMap<>();
        for (Map<String, Object> p : policies) {
            if (!environment.equals(p.get("environment"))) {
                continue;
            }
            String scope = optional(p.get("service"));
            if (scope != null && !scope.equals(service)) {
                continue;
            }
            String type = p.get("changeType") == null ? "NORMAL" : text(p.get("changeType"));
            var policy = new Policy(type, scope, number(p.get("version")), number(p.get("approvalsRequired")),
                    strings(p.get("approverRoles")), Boolean.TRUE.equals(p.get("anyRejectionRejects")));
            Policy known = byType.get(type);
            if (known == null || (known.service() == null && scope != null)) {
                byType.put(type, policy);
            }
        }
        return List.copyOf(byType.values());
    }

    private static @Nullable Profile profile(@Nullable List<Map<String, Object>> profiles, String environment) {
        if (profiles == null) {
            return null;
        }
        return profiles.stream().filter(p -> environment.equals(p.get("environment"))).findFirst().map(p -> {
            Map<String, Object> hours = map(p.get("businessHours"));
            return new Profile(text(p.get("criticality")),
                    hours.isEmpty() ? null : String.join(", ", strings(hours.get("days"))),
                    hours.isEmpty() ? null : text(hours.get("from")) + "–" + text(hours.get("to")) + " " + text(hours.get("zone")));
        }).orElse(null);
    }

    private static List<Freeze> freezes(@Nullable List<Map<String, Object>> scheduled, String service, String environment) {
        if (scheduled == null) {
            return List.of();
        }
        List<Freeze> freezes = new ArrayList<>();
        for (Map<String, Object> s : scheduled) {
            Map<String, Object> window = map(s.get("window"));
            Map<String, Object> scope = map(window.get("scope"));
            List<String> services = strings(scope.get("services"));
            List<String> environments = strings(scope.get("environments"));
            boolean covers = (services.isEmpty() || services.contains(service))
                    && (environments.isEmpty() || environments.contains(environment));
            if (covers && !Boolean.FALSE.equals(window.get("active"))) {
                var occurrences = maps(s.get("occurrences"));
                Map<String, Object> first = occurrences.isEmpty() ? window : occurrences.getFirst();
                freezes.add(new Freeze(text(window.get("name")), Moment.of(first.get("start")), Moment.of(first.get("end"))));
            }
        }
        return freezes;
    }

    /** Only what may be shown of a deploy target: never a credential, whatever the API might add. */
    private static @Nullable Executor executor(@Nullable Object target) {
        Map<String, Object> spec = map(target);
        if (spec.isEmpty()) {
            return null;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        map(spec.get("settings")).forEach((k, v) -> settings.put(k, text(v)));
        return new Executor(text(spec.get("type")), text(spec.get("url")), settings,
                Boolean.TRUE.equals(spec.get("credentialConfigured")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(@Nullable Object value) {
        return value instanceof List<?> l && (l.isEmpty() || l.getFirst() instanceof Map<?, ?>)
                ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<String> strings(@Nullable Object value) {
        return value instanceof List<?> l ? l.stream().map(CatalogEntry::text).toList() : List.of();
    }

    private static int number(@Nullable Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    private static @Nullable String optional(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
