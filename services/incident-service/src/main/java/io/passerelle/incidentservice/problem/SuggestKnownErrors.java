package io.passerelle.incidentservice.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.passerelle.incidentservice.incident.SuggestedKnownError;
import io.passerelle.incidentservice.incident.port.KnownErrors;
import io.passerelle.incidentservice.problem.port.Problems;
import org.jspecify.annotations.Nullable;

/**
 * The known error database as incidents consult it when they open: the KNOWN_ERROR problems whose match the incident
 * fits, the most specific first (the match that names more), then the most recently recorded; at most
 * {@value #AT_MOST}.
 */
public final class SuggestKnownErrors implements KnownErrors {

    public static final int AT_MOST = 5;

    private static final Comparator<Problem> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((Problem p) -> Objects.requireNonNull(p.match()).specificity()).reversed()
            .thenComparing((Problem p) -> Objects.requireNonNull(p.knownError()).at(), Comparator.reverseOrder())
            .thenComparing(Problem::id);

    private final Problems problems;

    public SuggestKnownErrors(Problems problems) {
        this.problems = problems;
    }

    @Override
    public List<SuggestedKnownError> matching(@Nullable String service, @Nullable String alertName,
            Map<String, String> labels) {
        return problems.knownErrors().stream()
                .filter(p -> p.match() != null && p.match().matches(service, alertName, labels))
                .sorted(MOST_SPECIFIC_FIRST)
                .limit(AT_MOST)
                .map(p -> new SuggestedKnownError(p.id(), p.title(), p.workaround()))
                .toList();
    }
}
