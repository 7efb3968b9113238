package io.passerelle.changeservice.standardchange;

import java.util.Set;

import io.passerelle.changeservice.risk.WeeklyHours;
import org.jspecify.annotations.Nullable;

/**
 * When a change matches a template, beyond what every template requires (a green pipeline raised it): its service and environment are among these (null = all), its risk score is at most
 * {@code maxRiskScore}, and, when there are allowed hours, it is raised within them.
 */
public record Conditions(@Nullable Set<String> services, @Nullable Set<String> environments, int maxRiskScore,
        @Nullable WeeklyHours allowedHours) {

    public static final int MAX_SCORE = 100;

    public Conditions {
        if (maxRiskScore < 0 || maxRiskScore > MAX_SCORE) {
            throw new IllegalArgumentException("maxRiskScore must be 0 to " + MAX_SCORE + ", not " + maxRiskScore);
        }
        if (services != null && services.isEmpty() || environments != null && environments.isEmpty()) {
            throw new IllegalArgumentException("a template names at least one service (or environment), or all");
        }
        services = services == null ? null : Set.copyOf(services);
        environments = environments == null ? null : Set.copyOf(environments);
    }

    boolean coversService(String service) {
        return services == null || services.contains(service);
    }

    boolean coversEnvironment(String environment) {
        return environments == null || environments.contains(environment);
    }
}
