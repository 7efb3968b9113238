package io.passerelle.incidentservice.suspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.passerelle.incidentservice.deployment.FinishedDeployment;

/** What computing an incident's suspects again changed, in words for its timeline. */
public final class Reattribution {

    private Reattribution() {
    }

    /** Whether {@code after} ranks other deployments, or the same ones otherwise, than {@code before}. */
    public static boolean changes(List<Suspect> before, List<Suspect> after) {
        if (before.size() != after.size()) {
            return true;
        }
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).rankedAs(after.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code suspects computed again: 1.4.3 (commit 1a2b3c4) joined at rank 1; 2 deployments are suspected; the most
     * likely: <its reason>} — the deployments that joined (with their rank) or left, then what {@link #summary} says.
     */
    public static String describe(List<Suspect> before, List<Suspect> after) {
        Set<UUID> was = before.stream().map(Suspect::deploymentId).collect(Collectors.toSet());
        Set<UUID> is = after.stream().map(Suspect::deploymentId).collect(Collectors.toSet());
        var moves = new ArrayList<String>();
        after.stream().filter(s -> !was.contains(s.deploymentId()))
                .forEach(s -> moves.add(name(s) + " joined at rank " + s.rank()));
        before.stream().filter(s -> !is.contains(s.deploymentId()))
                .forEach(s -> moves.add(name(s) + " is no longer a suspect"));
        if (moves.isEmpty()) {
            moves.add("the ranking changed");
        }
        return "suspects computed again: " + String.join("; ", moves) + "; " + summary(after);
    }

    /** {@code 2 deployments are suspected; the most likely: <its reason>}, or {@code no deployment is suspected}. */
    public static String summary(List<Suspect> suspects) {
        if (suspects.isEmpty()) {
            return "no deployment is suspected";
        }
        return suspects.size() + (suspects.size() == 1 ? " deployment is" : " deployments are")
                + " suspected; the most likely: " + suspects.getFirst().reason();
    }

    /** {@code 1.4.3 (commit 1a2b3c4)}. */
    public static String name(Suspect s) {
        return s.version() + " (commit " + FinishedDeployment.abbreviated(s.commitSha()) + ")";
    }
}
