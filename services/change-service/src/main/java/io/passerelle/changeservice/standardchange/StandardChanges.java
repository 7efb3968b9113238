package io.passerelle.changeservice.standardchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.passerelle.changeservice.standardchange.port.StandardChangeTemplates;

/**
 * Matches a change about to be raised against the active standard-change templates: the raise path asks
 * {@link #match(Candidate)} and gets the template that pre-approves the change, or the reasons none does.
 * <p>
 * A change matches a template when a green pipeline raised it, its service and environment are among the template's, its risk score is at most the template's maximum, and it is raised within the
 * template's allowed hours, if any. When several templates match, the first in {@link #PRECEDENCE} wins: the most
 * specific (a named service before all services, then a named environment before all environments), then the
 * strictest (lowest maximum risk), then by name, then by id — so the same templates always give the same answer.
 */
public class StandardChanges {

    static final Comparator<StandardChangeTemplate> PRECEDENCE = Comparator
            .comparing((StandardChangeTemplate t) -> t.conditions().services() == null)
            .thenComparing(t -> t.conditions().environments() == null)
            .thenComparingInt(t -> t.conditions().maxRiskScore())
            .thenComparing(t -> t.definition().name())
            .thenComparing(t -> t.id().toString());

    private final StandardChangeTemplates templates;

    public StandardChanges(StandardChangeTemplates templates) {
        this.templates = templates;
    }

    public Match match(Candidate candidate) {
        return match(candidate, templates.active());
    }

    static Match match(Candidate candidate, List<StandardChangeTemplate> active) {
        var reasons = new ArrayList<String>();
        if (!candidate.raisedByPipeline()) {
            reasons.add("raised by hand: standard-change templates apply only to changes a green pipeline raised");
        }
        var inEnvironment = active.stream().filter(t -> !t.retired())
                .filter(t -> t.conditions().coversEnvironment(candidate.environment())).toList();
        var inScope = inEnvironment.stream().filter(t -> t.conditions().coversService(candidate.service()))
                .sorted(PRECEDENCE).toList();
        if (inEnvironment.isEmpty()) {
            reasons.add("no template for " + candidate.environment());
        } else if (inScope.isEmpty()) {
            reasons.add("no template for " + candidate.service() + " in " + candidate.environment());
        }
        var refusals = new ArrayList<String>();
        for (var template : inScope) {
            var refused = refusals(template, candidate);
            if (refused.isEmpty() && reasons.isEmpty()) {
                return new Match.Matched(template.ref());
            }
            refusals.addAll(refused);
        }
        reasons.addAll(refusals);
        return new Match.NoMatch(reasons);
    }

    /** Why this template, which covers the change's service and environment, does not pre-approve it. */
    private static List<String> refusals(StandardChangeTemplate template, Candidate candidate) {
        var refusals = new ArrayList<String>();
        var conditions = template.conditions();
        if (candidate.risk().score() > conditions.maxRiskScore()) {
            refusals.add("risk " + candidate.risk().score() + " > " + conditions.maxRiskScore() + " (" + template + ")");
        }
        var hours = conditions.allowedHours();
        if (hours != null && !hours.covers(candidate.at())) {
            refusals.add("outside allowed hours " + hours + " (" + template + ")");
        }
        return refusals;
    }
}
