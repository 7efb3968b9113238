package io.passerelle.console.problem;

import java.util.LinkedHashSet;
import java.util.Set;

import io.passerelle.console.web.Me;

/**
 * What a user may do to a problem in its state (ADR 0019: NEW → UNDER_INVESTIGATION → KNOWN_ERROR → RESOLVED →
 * CLOSED), for problem managers and the service desk: only to hide what would be refused; the service decides.
 */
final class ProblemActions {

    private ProblemActions() {
    }

    static Set<String> available(String state, Me me) {
        var actions = new LinkedHashSet<String>();
        if (!me.has("problem-manager", "service-desk")) {
            return actions;
        }
        switch (state) {
            case "NEW" -> actions.add("investigate");
            case "UNDER_INVESTIGATION" -> {
                actions.add("known-error");
                actions.add("resolve");
            }
            case "KNOWN_ERROR" -> actions.add("resolve");
            case "RESOLVED" -> actions.add("close");
            default -> { }
        }
        if (Set.of("NEW", "UNDER_INVESTIGATION", "KNOWN_ERROR").contains(state)) {
            actions.add("fix");
        }
        if (!"CLOSED".equals(state)) {
            actions.add("duplicate");
            actions.add("link");
        }
        return actions;
    }
}
