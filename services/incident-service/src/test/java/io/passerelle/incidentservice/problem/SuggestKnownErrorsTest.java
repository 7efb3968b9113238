package io.passerelle.incidentservice.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.incident.SuggestedKnownError;
import io.passerelle.incidentservice.problem.port.Problems;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SuggestKnownErrorsTest {

    private static final Instant T = Instant.parse("2026-03-10T14:00:00Z");
    private static final Map<String, String> LABELS = Map.of("alertname", "HighErrorRate", "team", "payments");

    private final KnownErrorDatabase database = new KnownErrorDatabase();
    private final SuggestKnownErrors suggest = new SuggestKnownErrors(database);

    @Test
    void the_known_errors_an_incident_matches_are_suggested_most_specific_first_then_newest() {
        var byService = database.knownError("by service", null, new KnownErrorMatch("checkout", null, Map.of()), 1);
        var byAlert = database.knownError("by alert", "restart", new KnownErrorMatch("checkout", "HighErrorRate",
                Map.of()), 2);
        var byAlertNewer = database.knownError("by alert, newer", "scale up", new KnownErrorMatch(null,
                "HighErrorRate", Map.of("team", "payments")), 3);
        var byAll = database.knownError("by all", "failover", new KnownErrorMatch("checkout", "HighErrorRate",
                Map.of("team", "payments")), 0);
        database.knownError("other service", "w", new KnownErrorMatch("payments", null, Map.of()), 4);
        database.knownError("other label value", "w", new KnownErrorMatch(null, null, Map.of("team", "search")), 5);

        assertThat(suggest.matching("checkout", "HighErrorRate", LABELS)).containsExactly(
                new SuggestedKnownError(byAll.id(), "by all", "failover"),
                new SuggestedKnownError(byAlertNewer.id(), "by alert, newer", "scale up"),
                new SuggestedKnownError(byAlert.id(), "by alert", "restart"),
                new SuggestedKnownError(byService.id(), "by service", null));
        assertThat(suggest.matching("checkout", null, Map.of())).as("logged by the service desk")
                .containsExactly(new SuggestedKnownError(byService.id(), "by service", null));
        assertThat(suggest.matching("search", "HighLatency", Map.of())).isEmpty();
    }

    @Test
    void at_most_five_are_suggested() {
        for (int i = 0; i < 7; i++) {
            database.knownError("known error " + i, "w", new KnownErrorMatch("checkout", null, Map.of()), i);
        }
        assertThat(suggest.matching("checkout", null, Map.of())).hasSize(SuggestKnownErrors.AT_MOST)
                .extracting(SuggestedKnownError::title)
                .containsExactly("known error 6", "known error 5", "known error 4", "known error 3", "known error 2");
    }

    /** The KNOWN_ERROR problems, as the store would return them (in no particular order). */
    private static final class KnownErrorDatabase implements Problems {

        private final List<Problem> knownErrors = new ArrayList<>();

        Problem knownError(String title, @Nullable String workaround, KnownErrorMatch match, int minutes) {
            var problem = Problem.raise(title, null, null, List.of(), "pia", T);
            problem.investigate("pia", T);
            problem.recordKnownError(workaround == null ? "a root cause" : null, workaround, match, "pia",
                    T.plusSeconds(60L * minutes));
            knownErrors.addFirst(problem);
            return problem;
        }

        @Override
        public List<Problem> knownErrors() {
            return List.copyOf(knownErrors);
        }

        @Override
        public void save(Problem problem) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Problem> byId(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Problem> list(@Nullable ProblemState state, @Nullable String service, @Nullable String text,
                int limit, int offset) {
            throw new UnsupportedOperationException();
        }
    }
}
