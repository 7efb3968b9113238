package io.passerelle.console.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import io.passerelle.console.web.Me;
import org.junit.jupiter.api.Test;

class ProblemActionsTest {

    static final Me PIA = new Me("pia", Set.of("problem-manager"));
    static final Me OTTO = new Me("otto", Set.of("on-call"));

    @Test
    void a_problem_moves_from_new_to_closed_one_step_a_state() {
        assertThat(ProblemActions.available("NEW", PIA)).containsExactly("investigate", "fix", "duplicate", "link");
        assertThat(ProblemActions.available("UNDER_INVESTIGATION", PIA))
                .containsExactly("known-error", "resolve", "fix", "duplicate", "link");
        assertThat(ProblemActions.available("KNOWN_ERROR", PIA)).containsExactly("resolve", "fix", "duplicate", "link");
        assertThat(ProblemActions.available("RESOLVED", PIA)).containsExactly("close", "duplicate", "link");
        assertThat(ProblemActions.available("CLOSED", PIA)).isEmpty();
    }

    @Test
    void on_call_reads_problems_but_does_not_work_them() {
        assertThat(ProblemActions.available("NEW", OTTO)).isEmpty();
        assertThat(ProblemActions.available("NEW", new Me("sam", Set.of("service-desk")))).contains("investigate");
    }
}
