package io.passerelle.integrationservice.alert;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Which labels of a source's alerts name the service and the environment, in order: the first of them that the alert
 * carries (not blank) is the one read, the others are fallbacks for alerts without it.
 */
public record LabelRules(List<String> serviceLabels, List<String> environmentLabels) {

    public LabelRules {
        serviceLabels = List.copyOf(serviceLabels);
        environmentLabels = List.copyOf(environmentLabels);
        if (serviceLabels.isEmpty() || environmentLabels.isEmpty()) {
            throw new IllegalArgumentException("name at least one service label and one environment label");
        }
    }

    /** The default rules: {@code service}, then {@code app}, then {@code job}; {@code environment}, then {@code namespace}. */
    public static LabelRules defaults() {
        return new LabelRules(List.of("service", "app", "job"), List.of("environment", "namespace"));
    }

    @Nullable String service(Map<String, String> labels) {
        return first(serviceLabels, labels);
    }

    @Nullable String environment(Map<String, String> labels) {
        return first(environmentLabels, labels);
    }

    private static @Nullable String first(List<String> names, Map<String, String> labels) {
        for (var name : names) {
            var value = labels.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
