package io.passerelle.console.incident;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.passerelle.console.web.Me;

/**
 * What a user may do to an incident in its state, as incident-service allows it (ADR 0016, the x-roles of
 * api-specs/openapi/incident-service.yaml): only to hide what would be refused; the service still decides.
 */
final class IncidentActions {

    static final List<String> OPEN = List.of("NEW", "ACKNOWLEDGED", "IN_PROGRESS", "ON_HOLD");
    private static final String[] WORKERS = {"service-desk", "on-call"};

    private IncidentActions() {
    }

    static Set<String> available(String state, Me me) {
        var actions = new LinkedHashSet<String>();
        boolean open = OPEN.contains(state);
        if (me.has(WORKERS)) {
            switch (state) {
                case "NEW" -> actions.add("acknowledge");
                case "ACKNOWLEDGED" -> actions.add("start");
                case "IN_PROGRESS" -> actions.add("hold");
                case "ON_HOLD" -> actions.add("resume");
                default -> { }
            }
            if (open) {
                actions.add("resolve");
                actions.add("decide");
            }
            if (!"CLOSED".equals(state)) {
                actions.add("note");
                actions.add("assign");
            }
        }
        if (me.has("service-desk")) {
            if ("RESOLVED".equals(state)) {
                actions.add("close");
                actions.add("reopen");
            }
            if (open) {
                actions.add("priority");
            }
        }
        if (me.has("problem-manager", "service-desk")) {
            actions.add("raise-problem");
        }
        return actions;
    }
}
